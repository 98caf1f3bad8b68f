import type { PathSegment } from '../../path.js';

export type Path = readonly PathSegment[];
export type Cloud = 'azure' | 'aws' | 'gcp' | 'oracle';

/**
 * Where tags are read. `map`: the first of these maps that is known (AWS `tags_all`, which holds
 * the provider's default_tags, else `tags`; GCP `effective_labels`, else `labels`). `blocks`: a
 * list of `{ key, value }` blocks (aws_autoscaling_group `tag`).
 */
export type TagSource = { map: readonly Path[] } | { blocks: Path };

/** An attribute naming a template; `each`: read it in every element of that list. */
export interface LinkSpec {
  path: Path;
  each?: Path;
  types: readonly string[];
}

/**
 * Instances of one pool. `one`: a VM. `attribute`: a fixed size or an autoscaling maximum
 * (`absent`: the count when the attribute is not set). `aks`: `max_count` when autoscaling is on,
 * else `node_count`. `gke`: `autoscaling.total_max_node_count`, else `max_node_count` x zones, else
 * `node_count` x zones. `gkeDefault`: a GKE cluster's default pool, `initial_node_count` x zones.
 */
export type Count = { one: true } | { attribute: Path; absent: number } | { aks: true } | { gke: true } | { gkeDefault: true };

export interface PoolSpec {
  /** The SKU attribute (VM size, instance type, machine type, shape). */
  sku?: Path;
  /** A list of SKUs of which any may run: the largest counts (EKS `instance_types`). */
  skuList?: Path;
  /** Per-override SKUs that replace the template's (ASG mixed instances policy). */
  overrides?: { list: Path; sku: Path; requirements: Path };
  /** Attribute-based instance selection, which accord cannot size. */
  requirements?: Path;
  /** GCP `guest_accelerator` blocks: attached GPUs, compared with the machine type's own. */
  accelerators?: Path;
  /** Templates that give the SKU when the resource does not set its own. */
  links?: readonly LinkSpec[];
  count: Count;
}

/** One or more pools of a resource: `base` prefixes the pool's paths; `each`: one pool per element of that list; `unless`: none when one of these is true or a non-empty list. */
export interface Pools {
  pool: PoolSpec;
  base?: Path;
  each?: Path;
  unless?: readonly Path[];
}

export interface ComputeType {
  cloud: Cloud;
  /** A template lends its SKU and tags to the groups that launch from it; it is never a deployment. */
  template?: true;
  pools: readonly Pools[];
  tags: readonly TagSource[];
}

const awsTemplates = ['aws_launch_template'];
const gcpTemplates = ['google_compute_instance_template', 'google_compute_region_instance_template'];
const ociConfigurations = ['oci_core_instance_configuration'];

const tags: TagSource = { map: [['tags']] };
const awsTags: TagSource = { map: [['tags_all'], ['tags']] };
const gcpLabels: TagSource = { map: [['effective_labels'], ['labels']] };
const freeformTags: TagSource = { map: [['freeform_tags']] };
const one: Count = { one: true };

const vm = (sku: Path): ComputeType => ({ cloud: 'azure', pools: [{ pool: { sku, count: one } }], tags: [tags] });
const azureScaleSet = (sku: Path, count: Path): ComputeType => ({ cloud: 'azure', pools: [{ pool: { sku, count: { attribute: count, absent: 0 } } }], tags: [tags] });
const gcpTemplate: ComputeType = { cloud: 'gcp', template: true, pools: [{ pool: { sku: ['machine_type'], accelerators: ['guest_accelerator'], count: one } }], tags: [gcpLabels] };
const mig: ComputeType = {
  cloud: 'gcp',
  pools: [{ pool: { links: [{ each: ['version'], path: ['instance_template'], types: gcpTemplates }], count: { attribute: ['target_size'], absent: 0 } } }],
  tags: [],
};
const gkePool: PoolSpec = { sku: ['node_config', 0, 'machine_type'], accelerators: ['node_config', 0, 'guest_accelerator'], count: { gke: true } };

/** The compute types of the design (3.3): where each keeps its size, its instance count and its tags. */
export const computeTypes: Readonly<Record<string, ComputeType>> = {
  azurerm_linux_virtual_machine: vm(['size']),
  azurerm_windows_virtual_machine: vm(['size']),
  azurerm_virtual_machine: vm(['vm_size']),
  azurerm_linux_virtual_machine_scale_set: azureScaleSet(['sku'], ['instances']),
  azurerm_windows_virtual_machine_scale_set: azureScaleSet(['sku'], ['instances']),
  azurerm_orchestrated_virtual_machine_scale_set: azureScaleSet(['sku_name'], ['instances']),
  azurerm_kubernetes_cluster: {
    cloud: 'azure',
    pools: [{ base: ['default_node_pool', 0], pool: { sku: ['vm_size'], count: { aks: true } } }],
    tags: [tags, { map: [['default_node_pool', 0, 'tags']] }],
  },
  azurerm_kubernetes_cluster_node_pool: { cloud: 'azure', pools: [{ pool: { sku: ['vm_size'], count: { aks: true } } }], tags: [tags] },
  azurerm_machine_learning_compute_cluster: azureScaleSet(['vm_size'], ['scale_settings', 0, 'max_node_count']),
  azurerm_machine_learning_compute_instance: vm(['virtual_machine_size']),

  aws_instance: {
    cloud: 'aws',
    pools: [{ pool: { sku: ['instance_type'], links: [{ path: ['launch_template', 0, 'id'], types: awsTemplates }, { path: ['launch_template', 0, 'name'], types: awsTemplates }], count: one } }],
    tags: [awsTags],
  },
  aws_launch_template: { cloud: 'aws', template: true, pools: [{ pool: { sku: ['instance_type'], requirements: ['instance_requirements'], count: one } }], tags: [awsTags] },
  aws_launch_configuration: { cloud: 'aws', template: true, pools: [{ pool: { sku: ['instance_type'], count: one } }], tags: [] },
  aws_autoscaling_group: {
    cloud: 'aws',
    pools: [
      {
        pool: {
          overrides: {
            list: ['mixed_instances_policy', 0, 'launch_template', 0, 'override'],
            sku: ['instance_type'],
            requirements: ['instance_requirements'],
          },
          links: [
            { path: ['launch_template', 0, 'id'], types: awsTemplates },
            { path: ['launch_template', 0, 'name'], types: awsTemplates },
            { path: ['mixed_instances_policy', 0, 'launch_template', 0, 'launch_template_specification', 0, 'launch_template_id'], types: awsTemplates },
            { path: ['mixed_instances_policy', 0, 'launch_template', 0, 'launch_template_specification', 0, 'launch_template_name'], types: awsTemplates },
            { path: ['launch_configuration'], types: ['aws_launch_configuration'] },
          ],
          count: { attribute: ['max_size'], absent: 0 },
        },
      },
    ],
    tags: [{ blocks: ['tag'] }],
  },
  aws_eks_node_group: {
    cloud: 'aws',
    pools: [
      {
        pool: {
          skuList: ['instance_types'],
          links: [{ path: ['launch_template', 0, 'id'], types: awsTemplates }, { path: ['launch_template', 0, 'name'], types: awsTemplates }],
          count: { attribute: ['scaling_config', 0, 'max_size'], absent: 0 },
        },
      },
    ],
    tags: [awsTags],
  },

  google_compute_instance: { cloud: 'gcp', pools: [{ pool: { sku: ['machine_type'], accelerators: ['guest_accelerator'], count: one } }], tags: [gcpLabels] },
  google_compute_instance_from_template: {
    cloud: 'gcp',
    pools: [{ pool: { sku: ['machine_type'], accelerators: ['guest_accelerator'], links: [{ path: ['source_instance_template'], types: gcpTemplates }], count: one } }],
    tags: [gcpLabels],
  },
  google_compute_instance_template: gcpTemplate,
  google_compute_region_instance_template: gcpTemplate,
  google_compute_instance_group_manager: mig,
  google_compute_region_instance_group_manager: mig,
  google_container_node_pool: { cloud: 'gcp', pools: [{ pool: gkePool }], tags: [{ map: [['node_config', 0, 'resource_labels']] }] },
  google_container_cluster: {
    cloud: 'gcp',
    pools: [
      {
        pool: { sku: ['node_config', 0, 'machine_type'], accelerators: ['node_config', 0, 'guest_accelerator'], count: { gkeDefault: true } },
        unless: [['remove_default_node_pool'], ['node_pool']],
      },
      { each: ['node_pool'], pool: gkePool },
    ],
    tags: [{ map: [['resource_labels']] }],
  },

  oci_core_instance: { cloud: 'oracle', pools: [{ pool: { sku: ['shape'], count: one } }], tags: [freeformTags] },
  oci_core_instance_configuration: {
    cloud: 'oracle',
    template: true,
    pools: [{ pool: { sku: ['instance_details', 0, 'launch_details', 0, 'shape'], count: one } }],
    tags: [freeformTags],
  },
  oci_core_instance_pool: {
    cloud: 'oracle',
    pools: [{ pool: { links: [{ path: ['instance_configuration_id'], types: ociConfigurations }], count: { attribute: ['size'], absent: 0 } } }],
    tags: [freeformTags],
  },
  oci_core_cluster_network: {
    cloud: 'oracle',
    pools: [{ each: ['instance_pools'], pool: { links: [{ path: ['instance_configuration_id'], types: ociConfigurations }], count: { attribute: ['size'], absent: 0 } } }],
    tags: [freeformTags],
  },
  oci_containerengine_node_pool: {
    cloud: 'oracle',
    pools: [{ pool: { sku: ['node_shape'], count: { attribute: ['node_config_details', 0, 'size'], absent: 0 } } }],
    tags: [freeformTags],
  },
};

/** An autoscaler raises a group's instance count to its maximum: `max` read in each element of `each` (or once), the largest counts. */
export interface AutoscalerType {
  target: Path;
  targets: readonly string[];
  max: Path;
  each?: Path;
}

const migTypes = ['google_compute_instance_group_manager', 'google_compute_region_instance_group_manager'];
const gcpAutoscaler: AutoscalerType = { target: ['target'], targets: migTypes, max: ['autoscaling_policy', 0, 'max_replicas'] };

export const autoscalerTypes: Readonly<Record<string, AutoscalerType>> = {
  google_compute_autoscaler: gcpAutoscaler,
  google_compute_region_autoscaler: gcpAutoscaler,
  azurerm_monitor_autoscale_setting: {
    target: ['target_resource_id'],
    targets: ['azurerm_linux_virtual_machine_scale_set', 'azurerm_windows_virtual_machine_scale_set', 'azurerm_orchestrated_virtual_machine_scale_set'],
    each: ['profile'],
    max: ['capacity', 0, 'maximum'],
  },
};

export function isReadType(type: string): boolean {
  return Object.hasOwn(computeTypes, type) || Object.hasOwn(autoscalerTypes, type);
}
