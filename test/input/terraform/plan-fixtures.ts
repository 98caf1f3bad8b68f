import type { PlanSpec, ResourceSpec } from '../../support/terraform-plan.js';

/**
 * The plans written for tests, one per compute type and per problem code; each is kept as a file
 * in fixtures/terraform/plans/ (pretty-printed like `jq`, or on one line like `terraform show
 * -json`), and says what accord must derive from it.
 */
export interface PlanFixture {
  name: string;
  oneLine?: boolean;
  plan: PlanSpec;
  /** Deployments by name: GPUs, capacity kind, provider and members. */
  deployments?: Record<string, { gpus: number; kind: 'new' | 'existing'; provider: string; members: string[] }>;
  /** Problems as `CODE resource-address`. */
  problems?: string[];
}

export const facts = { 'accord-workload': 'training', 'accord-approval': 'MSFT-CAP-2027-001', 'accord-revenue-metered': 'true', 'accord-ip-access-microsoft': 'true' };
const labels = { 'accord-workload': 'training', 'accord-approval': 'msft-cap-2027-001', 'accord-revenue-metered': 'true', 'accord-ip-access-microsoft': 'true' };

const az = (type: string, name: string, after: Record<string, unknown>, extra: Partial<ResourceSpec> = {}): ResourceSpec => ({
  type,
  name,
  provider: 'azurerm',
  after: { location: 'eastus', resource_group_name: 'rg-ml', tags: facts, ...after },
  ...extra,
});

const awsTags = (tags: Record<string, string> = facts) => ({ tags, tags_all: tags });

export const fixtures: PlanFixture[] = [
  // --- one per compute type (design 3.3) ---
  {
    name: 'azurerm-linux-virtual-machine',
    plan: { resources: [az('azurerm_linux_virtual_machine', 'trainer', { name: 'trainer', size: 'Standard_ND96isr_H100_v5', admin_username: 'ops' }, { unknown: { id: true, private_ip_address: true } })] },
    deployments: { 'azurerm-linux-virtual-machine-trainer': { gpus: 8, kind: 'new', provider: 'azure', members: ['azurerm_linux_virtual_machine.trainer'] } },
  },
  {
    name: 'azurerm-windows-virtual-machine',
    oneLine: true,
    plan: { resources: [az('azurerm_windows_virtual_machine', 'viz', { name: 'viz', size: 'Standard_NC24ads_A100_v4' }, { key: 0 })] },
    deployments: { 'azurerm-windows-virtual-machine-viz-0': { gpus: 1, kind: 'new', provider: 'azure', members: ['azurerm_windows_virtual_machine.viz[0]'] } },
  },
  {
    name: 'azurerm-virtual-machine',
    plan: { resources: [az('azurerm_virtual_machine', 'legacy', { name: 'legacy', vm_size: 'Standard_NC96ads_A100_v4' }, { module: [['lab']] })] },
    deployments: { 'lab-azurerm-virtual-machine-legacy': { gpus: 4, kind: 'new', provider: 'azure', members: ['module.lab.azurerm_virtual_machine.legacy'] } },
  },
  {
    name: 'azurerm-linux-virtual-machine-scale-set',
    plan: { resources: [az('azurerm_linux_virtual_machine_scale_set', 'pool', { name: 'pool', sku: 'Standard_ND96amsr_A100_v4', instances: 3 })] },
    deployments: { 'azurerm-linux-virtual-machine-scale-set-pool': { gpus: 24, kind: 'new', provider: 'azure', members: ['azurerm_linux_virtual_machine_scale_set.pool'] } },
  },
  {
    name: 'azurerm-windows-virtual-machine-scale-set-fractional',
    plan: { resources: [az('azurerm_windows_virtual_machine_scale_set', 'desktops', { name: 'desktops', sku: 'Standard_NV6ads_A10_v5', instances: 6 })] },
    deployments: { 'azurerm-windows-virtual-machine-scale-set-desktops': { gpus: 1, kind: 'new', provider: 'azure', members: ['azurerm_windows_virtual_machine_scale_set.desktops'] } },
  },
  {
    name: 'azurerm-orchestrated-virtual-machine-scale-set',
    plan: { resources: [az('azurerm_orchestrated_virtual_machine_scale_set', 'flex', { name: 'flex', sku_name: 'Standard_NC40ads_H100_v5', instances: 4, platform_fault_domain_count: 1 })] },
    deployments: { 'azurerm-orchestrated-virtual-machine-scale-set-flex': { gpus: 4, kind: 'new', provider: 'azure', members: ['azurerm_orchestrated_virtual_machine_scale_set.flex'] } },
  },
  {
    name: 'azurerm-monitor-autoscale-setting',
    plan: {
      resources: [
        az('azurerm_linux_virtual_machine_scale_set', 'pool', { name: 'pool', sku: 'Standard_ND96isr_H100_v5', instances: 2 }),
        {
          type: 'azurerm_monitor_autoscale_setting',
          name: 'pool',
          provider: 'azurerm',
          after: { name: 'pool-autoscale', location: 'eastus', resource_group_name: 'rg-ml', profile: [{ name: 'default', capacity: [{ default: 2, minimum: 1, maximum: 10 }] }] },
          unknown: { target_resource_id: true },
          refs: { target_resource_id: ['azurerm_linux_virtual_machine_scale_set.pool.id', 'azurerm_linux_virtual_machine_scale_set.pool'] },
        },
      ],
    },
    deployments: { 'azurerm-linux-virtual-machine-scale-set-pool': { gpus: 80, kind: 'new', provider: 'azure', members: ['azurerm_linux_virtual_machine_scale_set.pool'] } },
  },
  {
    name: 'azurerm-kubernetes-cluster',
    plan: {
      resources: [
        az('azurerm_kubernetes_cluster', 'aks', {
          name: 'aks',
          dns_prefix: 'aks',
          tags: { 'accord-workload': 'training' },
          default_node_pool: [{ name: 'gpu', vm_size: 'Standard_ND96isr_H100_v5', auto_scaling_enabled: true, min_count: 1, max_count: 5, tags: { 'accord-approval': 'MSFT-CAP-2027-001', 'accord-revenue-metered': 'true', 'accord-ip-access-microsoft': 'true' } }],
        }, { unknown: { default_node_pool: [{ node_count: true }] } }),
      ],
    },
    deployments: { 'azurerm-kubernetes-cluster-aks': { gpus: 40, kind: 'new', provider: 'azure', members: ['azurerm_kubernetes_cluster.aks'] } },
  },
  {
    name: 'azurerm-kubernetes-cluster-node-pool',
    oneLine: true,
    plan: {
      resources: [
        az('azurerm_kubernetes_cluster_node_pool', 'a100', { name: 'a100', vm_size: 'Standard_NC24ads_A100_v4', enable_auto_scaling: false, node_count: 3 }, { unknown: { kubernetes_cluster_id: true }, refs: { kubernetes_cluster_id: ['azurerm_kubernetes_cluster.aks.id', 'azurerm_kubernetes_cluster.aks'] } }),
      ],
    },
    deployments: { 'azurerm-kubernetes-cluster-node-pool-a100': { gpus: 3, kind: 'new', provider: 'azure', members: ['azurerm_kubernetes_cluster_node_pool.a100'] } },
  },
  {
    name: 'azurerm-machine-learning-compute-cluster',
    plan: { resources: [az('azurerm_machine_learning_compute_cluster', 'train', { name: 'train', vm_size: 'STANDARD_NC96ADS_A100_V4', vm_priority: 'Dedicated', scale_settings: [{ min_node_count: 0, max_node_count: 4, scale_down_nodes_after_idle_duration: 'PT30S' }] })] },
    deployments: { 'azurerm-machine-learning-compute-cluster-train': { gpus: 16, kind: 'new', provider: 'azure', members: ['azurerm_machine_learning_compute_cluster.train'] } },
  },
  {
    name: 'azurerm-machine-learning-compute-instance',
    plan: { resources: [az('azurerm_machine_learning_compute_instance', 'notebook', { name: 'notebook', virtual_machine_size: 'Standard_NC4as_T4_v3' })] },
    deployments: { 'azurerm-machine-learning-compute-instance-notebook': { gpus: 1, kind: 'new', provider: 'azure', members: ['azurerm_machine_learning_compute_instance.notebook'] } },
  },
  {
    name: 'aws-instance',
    oneLine: true,
    plan: {
      providerConfig: { aws: { expressions: { region: { constant_value: 'us-east-1' }, default_tags: [{ tags: { constant_value: { 'accord-revenue-metered': 'true' } } }] } } },
      resources: [0, 1].map((key) => ({
        type: 'aws_instance',
        name: 'node',
        module: [['trainer', 'a']],
        key,
        after: { ami: 'ami-0abc', instance_type: 'p5.48xlarge', tags: { 'accord-deployment': 'trainer-a', 'accord-workload': 'training', 'accord-ip-access-microsoft': 'true', 'accord-approval': 'MSFT-CAP-2027-001' }, tags_all: { 'accord-deployment': 'trainer-a', 'accord-workload': 'training', 'accord-ip-access-microsoft': 'true', 'accord-approval': 'MSFT-CAP-2027-001', 'accord-revenue-metered': 'true' } },
        unknown: { arn: true, private_ip: true },
      })),
    },
    deployments: { 'trainer-a': { gpus: 16, kind: 'new', provider: 'aws', members: ['module.trainer["a"].aws_instance.node[0]', 'module.trainer["a"].aws_instance.node[1]'] } },
  },
  {
    name: 'aws-autoscaling-group',
    plan: {
      resources: [
        { type: 'aws_launch_template', name: 'gpu', after: { name_prefix: 'gpu', image_id: 'ami-0abc', instance_type: 'p4d.24xlarge', ...awsTags({ 'accord-workload': 'training', 'accord-approval': 'MSFT-CAP-2027-001' }) }, unknown: { latest_version: true } },
        {
          type: 'aws_autoscaling_group',
          name: 'workers',
          after: {
            max_size: 4,
            min_size: 1,
            desired_capacity: 2,
            launch_template: [{ version: '$Latest' }],
            tag: [
              { key: 'accord-revenue-metered', value: 'true', propagate_at_launch: true },
              { key: 'accord-ip-access-microsoft', value: 'true', propagate_at_launch: true },
            ],
          },
          unknown: { launch_template: [{ id: true, name: true }], name: true },
          refs: { 'launch_template.0.id': ['aws_launch_template.gpu.id', 'aws_launch_template.gpu'] },
        },
      ],
    },
    deployments: { 'aws-autoscaling-group-workers': { gpus: 32, kind: 'new', provider: 'aws', members: ['aws_autoscaling_group.workers'] } },
  },
  {
    name: 'aws-autoscaling-group-launch-configuration',
    plan: {
      resources: [
        { type: 'aws_launch_configuration', name: 'old', after: { image_id: 'ami-0abc', instance_type: 'g5.48xlarge' }, unknown: { name: true } },
        {
          type: 'aws_autoscaling_group',
          name: 'old',
          after: { max_size: 2, min_size: 0, tag: Object.entries(facts).map(([key, value]) => ({ key, value, propagate_at_launch: true })) },
          unknown: { launch_configuration: true },
          refs: { launch_configuration: ['aws_launch_configuration.old.name', 'aws_launch_configuration.old'] },
        },
      ],
    },
    deployments: { 'aws-autoscaling-group-old': { gpus: 16, kind: 'new', provider: 'aws', members: ['aws_autoscaling_group.old'] } },
  },
  {
    name: 'aws-eks-node-group',
    plan: {
      resources: [
        {
          type: 'aws_eks_node_group',
          name: 'gpu',
          after: { cluster_name: 'ml', node_group_name: 'gpu', instance_types: ['g5.xlarge', 'g5.12xlarge'], scaling_config: [{ desired_size: 1, min_size: 0, max_size: 3 }], ...awsTags() },
          unknown: { node_role_arn: true },
        },
      ],
    },
    deployments: { 'aws-eks-node-group-gpu': { gpus: 12, kind: 'new', provider: 'aws', members: ['aws_eks_node_group.gpu'] } },
  },
  {
    name: 'aws-eks-node-group-launch-template',
    plan: {
      resources: [
        { type: 'aws_launch_template', name: 'eks', after: { name: 'eks-gpu', instance_type: 'p5.48xlarge', ...awsTags({}) } },
        {
          type: 'aws_eks_node_group',
          name: 'h100',
          after: { cluster_name: 'ml', node_group_name: 'h100', instance_types: [], scaling_config: [{ desired_size: 1, min_size: 0, max_size: 2 }], launch_template: [{ name: 'eks-gpu', version: '1' }], ...awsTags() },
          unknown: { launch_template: [{ id: true }] },
          refs: { 'launch_template.0.name': ['aws_launch_template.eks.name', 'aws_launch_template.eks'] },
        },
      ],
    },
    deployments: { 'aws-eks-node-group-h100': { gpus: 16, kind: 'new', provider: 'aws', members: ['aws_eks_node_group.h100'] } },
  },
  {
    name: 'google-compute-instance',
    plan: {
      resources: [
        {
          type: 'google_compute_instance',
          name: 'a3',
          provider: 'google',
          after: { name: 'a3', zone: 'europe-west4-a', machine_type: 'a3-highgpu-8g', guest_accelerator: [{ type: 'nvidia-h100-80gb', count: 8 }], labels, effective_labels: labels },
        },
      ],
    },
    deployments: { 'google-compute-instance-a3': { gpus: 8, kind: 'new', provider: 'gcp', members: ['google_compute_instance.a3'] } },
  },
  {
    name: 'google-compute-instance-n1-accelerators',
    oneLine: true,
    plan: {
      resources: [
        { type: 'google_compute_instance', name: 'n1', provider: 'google', after: { name: 'n1', zone: 'us-central1-c', machine_type: 'n1-standard-8', guest_accelerator: [{ type: 'nvidia-tesla-t4', count: 2 }], labels } },
      ],
    },
    deployments: { 'google-compute-instance-n1': { gpus: 2, kind: 'new', provider: 'gcp', members: ['google_compute_instance.n1'] } },
  },
  {
    name: 'google-compute-instance-from-template',
    plan: {
      resources: [
        { type: 'google_compute_instance_template', name: 'l4', provider: 'google', after: { name_prefix: 'l4', machine_type: 'g2-standard-48', labels } },
        {
          type: 'google_compute_instance_from_template',
          name: 'one',
          provider: 'google',
          after: { name: 'one', zone: 'us-central1-a', labels },
          unknown: { machine_type: true, source_instance_template: true, guest_accelerator: true },
          refs: { source_instance_template: ['google_compute_instance_template.l4.self_link_unique', 'google_compute_instance_template.l4'] },
        },
      ],
    },
    deployments: { 'google-compute-instance-from-template-one': { gpus: 4, kind: 'new', provider: 'gcp', members: ['google_compute_instance_from_template.one'] } },
  },
  {
    name: 'google-compute-region-instance-group-manager',
    plan: {
      resources: [
        { type: 'google_compute_instance_template', name: 'a2', provider: 'google', after: { name_prefix: 'a2', machine_type: 'a2-highgpu-1g', labels }, unknown: { guest_accelerator: true } },
        {
          type: 'google_compute_region_instance_group_manager',
          name: 'a2',
          provider: 'google',
          after: { name: 'a2', region: 'europe-west4', base_instance_name: 'a2', target_size: 2, version: [{ name: 'primary' }] },
          unknown: { version: [{ instance_template: true }] },
          refs: { 'version.0.instance_template': ['google_compute_instance_template.a2.id', 'google_compute_instance_template.a2'] },
        },
        {
          type: 'google_compute_region_autoscaler',
          name: 'a2',
          provider: 'google',
          after: { name: 'a2', region: 'europe-west4', autoscaling_policy: [{ min_replicas: 1, max_replicas: 5, cooldown_period: 60 }] },
          unknown: { target: true },
          refs: { target: ['google_compute_region_instance_group_manager.a2.id', 'google_compute_region_instance_group_manager.a2'] },
        },
      ],
    },
    deployments: { 'google-compute-region-instance-group-manager-a2': { gpus: 5, kind: 'new', provider: 'gcp', members: ['google_compute_region_instance_group_manager.a2'] } },
  },
  {
    name: 'google-compute-instance-group-manager',
    plan: {
      resources: [
        { type: 'google_compute_region_instance_template', name: 'g2', provider: 'google', after: { name_prefix: 'g2', region: 'us-central1', machine_type: 'g2-standard-24', labels } },
        {
          type: 'google_compute_instance_group_manager',
          name: 'g2',
          provider: 'google',
          after: { name: 'g2', zone: 'us-central1-a', base_instance_name: 'g2', target_size: 3, version: [{ name: 'primary' }] },
          unknown: { version: [{ instance_template: true }] },
          refs: { 'version.0.instance_template': ['google_compute_region_instance_template.g2.id', 'google_compute_region_instance_template.g2'] },
        },
      ],
    },
    deployments: { 'google-compute-instance-group-manager-g2': { gpus: 6, kind: 'new', provider: 'gcp', members: ['google_compute_instance_group_manager.g2'] } },
  },
  {
    name: 'google-container-node-pool',
    plan: {
      resources: [
        {
          type: 'google_container_node_pool',
          name: 'l4',
          provider: 'google',
          after: {
            cluster: 'ml',
            location: 'us-central1',
            node_locations: ['us-central1-a', 'us-central1-b', 'us-central1-c'],
            autoscaling: [{ min_node_count: 0, max_node_count: 2, total_min_node_count: 0, total_max_node_count: 0, location_policy: 'BALANCED' }],
            node_config: [{ machine_type: 'g2-standard-48', resource_labels: labels }],
          },
          unknown: { node_count: true, node_config: [{ guest_accelerator: true }] },
        },
      ],
    },
    deployments: { 'google-container-node-pool-l4': { gpus: 24, kind: 'new', provider: 'gcp', members: ['google_container_node_pool.l4'] } },
  },
  {
    name: 'google-container-node-pool-total-max',
    oneLine: true,
    plan: {
      resources: [
        {
          type: 'google_container_node_pool',
          name: 'h100',
          provider: 'google',
          after: {
            cluster: 'ml',
            location: 'us-central1',
            autoscaling: [{ min_node_count: 0, max_node_count: 0, total_min_node_count: 0, total_max_node_count: 5, location_policy: 'ANY' }],
            node_config: [{ machine_type: 'a3-megagpu-8g', guest_accelerator: [{ type: 'nvidia-h100-mega-80gb', count: 8 }], resource_labels: labels }],
          },
          unknown: { node_locations: true, node_count: true },
        },
      ],
    },
    deployments: { 'google-container-node-pool-h100': { gpus: 40, kind: 'new', provider: 'gcp', members: ['google_container_node_pool.h100'] } },
  },
  {
    name: 'google-container-cluster-default-pool',
    plan: {
      resources: [
        {
          type: 'google_container_cluster',
          name: 'zonal',
          provider: 'google',
          after: { name: 'zonal', location: 'us-central1-c', initial_node_count: 2, remove_default_node_pool: false, resource_labels: labels, node_config: [{ machine_type: 'a2-ultragpu-1g' }] },
          unknown: { node_pool: true, node_locations: true },
        },
      ],
    },
    deployments: { 'google-container-cluster-zonal': { gpus: 2, kind: 'new', provider: 'gcp', members: ['google_container_cluster.zonal'] } },
  },
  {
    name: 'oci-core-instance',
    plan: {
      resources: [
        { type: 'oci_core_instance', name: 'h100', provider: 'oracle/oci', after: { availability_domain: 'Uocm:US-ASHBURN-AD-1', shape: 'BM.GPU.H100.8', freeform_tags: facts }, providerConfigKey: 'oci' },
      ],
      providerConfig: { oci: { expressions: { region: { references: ['var.region'] } } } },
      variables: { region: 'us-ashburn-1' },
    },
    deployments: { 'oci-core-instance-h100': { gpus: 8, kind: 'new', provider: 'oracle', members: ['oci_core_instance.h100'] } },
  },
  {
    name: 'oci-core-instance-pool',
    plan: {
      resources: [
        { type: 'oci_core_instance_configuration', name: 'a100', provider: 'oracle/oci', providerConfigKey: 'oci', after: { instance_details: [{ instance_type: 'compute', launch_details: [{ shape: 'BM.GPU4.8' }] }], freeform_tags: { 'accord-workload': 'research' } } },
        {
          type: 'oci_core_instance_pool',
          name: 'a100',
          provider: 'oracle/oci',
          providerConfigKey: 'oci',
          after: { size: 2, freeform_tags: { 'accord-approval': 'MSFT-CAP-2027-001', 'accord-revenue-metered': 'true', 'accord-ip-access-microsoft': 'true' } },
          unknown: { instance_configuration_id: true },
          refs: { instance_configuration_id: ['oci_core_instance_configuration.a100.id', 'oci_core_instance_configuration.a100'] },
        },
      ],
    },
    deployments: { 'oci-core-instance-pool-a100': { gpus: 16, kind: 'new', provider: 'oracle', members: ['oci_core_instance_pool.a100'] } },
  },
  {
    name: 'oci-core-cluster-network',
    plan: {
      resources: [
        { type: 'oci_core_instance_configuration', name: 'h100', provider: 'oracle/oci', providerConfigKey: 'oci', after: { instance_details: [{ instance_type: 'compute', launch_details: [{ shape: 'BM.GPU.H100.8' }] }], freeform_tags: {} } },
        {
          type: 'oci_core_cluster_network',
          name: 'rdma',
          provider: 'oracle/oci',
          providerConfigKey: 'oci',
          after: { freeform_tags: facts, instance_pools: [{ size: 2 }, { size: 3 }] },
          unknown: { instance_pools: [{ instance_configuration_id: true }, { instance_configuration_id: true }] },
          refs: {
            'instance_pools.0.instance_configuration_id': ['oci_core_instance_configuration.h100.id', 'oci_core_instance_configuration.h100'],
            'instance_pools.1.instance_configuration_id': ['oci_core_instance_configuration.h100.id', 'oci_core_instance_configuration.h100'],
          },
        },
      ],
    },
    deployments: { 'oci-core-cluster-network-rdma': { gpus: 40, kind: 'new', provider: 'oracle', members: ['oci_core_cluster_network.rdma'] } },
  },
  {
    name: 'oci-containerengine-node-pool',
    plan: {
      resources: [
        { type: 'oci_containerengine_node_pool', name: 'a10', provider: 'oracle/oci', providerConfigKey: 'oci', after: { name: 'a10', node_shape: 'VM.GPU.A10.2', node_config_details: [{ size: 3 }], freeform_tags: facts } },
      ],
    },
    deployments: { 'oci-containerengine-node-pool-a10': { gpus: 6, kind: 'new', provider: 'oracle', members: ['oci_containerengine_node_pool.a10'] } },
  },

  // --- one per problem code (design 3.10) ---
  { name: 'problem-unsupported-format', plan: { formatVersion: '2.0', resources: [] }, problems: ['TF_UNSUPPORTED_FORMAT '] },
  { name: 'problem-plan-errored', plan: { errored: true, resources: [] }, problems: ['TF_PLAN_ERRORED '] },
  {
    name: 'problem-unknown-value',
    plan: {
      resources: [
        { type: 'aws_instance', name: 'sized_later', after: { ami: 'ami-0abc', ...awsTags() }, unknown: { instance_type: true }, refs: { instance_type: ['aws_ssm_parameter.size.value', 'aws_ssm_parameter.size'] } },
        { type: 'aws_instance', name: 'fine', after: { ami: 'ami-0abc', instance_type: 'p5.48xlarge', ...awsTags() } },
      ],
    },
    deployments: { 'aws-instance-fine': { gpus: 8, kind: 'new', provider: 'aws', members: ['aws_instance.fine'] } },
    problems: ['TF_UNKNOWN_VALUE aws_instance.sized_later'],
  },
  {
    name: 'problem-unknown-sku',
    plan: { resources: [{ type: 'aws_instance', name: 'trainium', after: { ami: 'ami-0abc', instance_type: 'trn1.32xlarge', ...awsTags() } }] },
    problems: ['TF_UNKNOWN_SKU aws_instance.trainium'],
  },
  {
    name: 'problem-unresolved-reference',
    plan: {
      resources: [
        {
          type: 'aws_autoscaling_group',
          name: 'existing_template',
          after: { max_size: 4, min_size: 0, launch_template: [{ version: '$Latest' }], tag: [{ key: 'accord-workload', value: 'training', propagate_at_launch: true }] },
          unknown: { launch_template: [{ id: true, name: true }] },
          refs: { 'launch_template.0.id': ['data.aws_launch_template.shared.id', 'data.aws_launch_template.shared'] },
        },
      ],
    },
    problems: ['TF_UNRESOLVED_REFERENCE aws_autoscaling_group.existing_template'],
  },
  {
    name: 'problem-missing-fact',
    plan: { resources: [{ type: 'aws_instance', name: 'untagged', after: { ami: 'ami-0abc', instance_type: 'p4de.24xlarge', tags: { Name: 'untagged' }, tags_all: { Name: 'untagged' } } }] },
    problems: ['TF_MISSING_FACT aws_instance.untagged'],
  },
  {
    name: 'problem-invalid-fact',
    plan: { resources: [{ type: 'aws_instance', name: 'yes', after: { ami: 'ami-0abc', instance_type: 'p5.48xlarge', ...awsTags({ ...facts, 'accord-revenue-metered': 'yes' }) } }] },
    problems: ['TF_INVALID_FACT aws_instance.yes'],
  },
  {
    name: 'problem-unknown-tag',
    plan: { resources: [{ type: 'aws_instance', name: 'typo', after: { ami: 'ami-0abc', instance_type: 'g6.xlarge', ...awsTags({ 'accord-workload': 'api', 'accord-ip-acess-microsoft': 'false' }) } }] },
    problems: ['TF_UNKNOWN_TAG aws_instance.typo'],
  },
  {
    name: 'problem-conflicting-facts',
    plan: {
      resources: [
        { type: 'aws_instance', name: 'a', after: { ami: 'ami-0abc', instance_type: 'p5.48xlarge', ...awsTags({ ...facts, 'accord-deployment': 'shared' }) } },
        { type: 'aws_instance', name: 'b', after: { ami: 'ami-0abc', instance_type: 'p5.48xlarge', ...awsTags({ ...facts, 'accord-deployment': 'shared', 'accord-workload': 'research' }) } },
      ],
    },
    problems: ['TF_CONFLICTING_FACTS aws_instance.b'],
  },
  {
    name: 'problem-deferred',
    plan: {
      resources: [{ type: 'aws_instance', name: 'now', after: { ami: 'ami-0abc', instance_type: 'p5.48xlarge', ...awsTags() } }],
      deferred: [{ type: 'aws_instance', name: 'later', key: 0, after: { ami: 'ami-0abc', instance_type: 'p5.48xlarge', ...awsTags() } }],
    },
    deployments: { 'aws-instance-now': { gpus: 8, kind: 'new', provider: 'aws', members: ['aws_instance.now'] } },
    problems: ['TF_DEFERRED aws_instance.later[0]'],
  },
];
