import { describe, expect, it } from 'vitest';
import { deploymentsFromPlan } from '../../../src/input/terraform/deployments-from-plan.js';
import { plan, type PlanSpec, type ResourceSpec } from '../../support/terraform-plan.js';
import { facts } from './plan-fixtures.js';

const labels = { 'accord-workload': 'training' };
const derive = (resources: ResourceSpec[], extra: Partial<PlanSpec> = {}) => deploymentsFromPlan(plan({ resources, ...extra }));
const gpus = (resources: ResourceSpec[], extra: Partial<PlanSpec> = {}): Record<string, number> => {
  const result = derive(resources, extra);
  expect(result.problems).toEqual([]);
  return Object.fromEntries(result.deployments.map((d) => [d.name, (d.manifest.spec as { capacity: { gpus: number } }).capacity.gpus]));
};
const problems = (resources: ResourceSpec[], extra: Partial<PlanSpec> = {}) => derive(resources, extra).problems.map((p) => [p.code, p.pointer]);
const gce = (name: string, after: Record<string, unknown>, extra: Partial<ResourceSpec> = {}): ResourceSpec => ({ type: 'google_compute_instance', name, provider: 'google', after: { zone: 'us-central1-a', labels, ...after }, ...extra });

describe('GPUs per GCP instance (design 3.5)', () => {
  it('takes the larger of the machine type and the attached GPUs, never their sum', () => {
    expect(gpus([gce('a3', { machine_type: 'a3-highgpu-8g', guest_accelerator: [{ type: 'nvidia-h100-80gb', count: 8 }] })])).toEqual({ 'google-compute-instance-a3': 8 });
    expect(gpus([gce('a2', { machine_type: 'a2-highgpu-1g', guest_accelerator: [{ type: 'nvidia-tesla-a100', count: 2 }] })])).toEqual({ 'google-compute-instance-a2': 2 });
    expect(gpus([gce('n1', { machine_type: 'n1-standard-16', guest_accelerator: [{ type: 'nvidia-tesla-t4', count: 2 }, { type: 'nvidia-tesla-t4', count: 1 }] })])).toEqual({ 'google-compute-instance-n1': 3 });
  });

  it('reads an unknown guest_accelerator as the provider default (none) unless the configuration sets it', () => {
    expect(gpus([gce('plain', { machine_type: 'a2-highgpu-2g' }, { unknown: { guest_accelerator: true } })])).toEqual({ 'google-compute-instance-plain': 2 });
    expect(derive([gce('cpu', { machine_type: 'e2-medium', labels: {} }, { unknown: { guest_accelerator: true } })])).toMatchObject({ deployments: [], problems: [] });
    const set = gce('set', { machine_type: 'n1-standard-8' }, { unknown: { guest_accelerator: true }, refs: { guest_accelerator: ['var.gpus'] } });
    expect(problems([set])).toEqual([['TF_UNKNOWN_VALUE', '/resource_changes/0/change/after_unknown/guest_accelerator']]);
  });

  it('without a configuration in the plan, an unknown size counts as set: accord cannot show it is the default', () => {
    const p = plan({ resources: [gce('noconfig', { machine_type: 'n1-standard-8' }, { unknown: { guest_accelerator: true } })] });
    delete p.configuration;
    expect(deploymentsFromPlan(p).problems.map((x) => x.code)).toEqual(['TF_UNKNOWN_VALUE']);
  });
});

describe('GKE node counts', () => {
  const pool = (after: Record<string, unknown>, unknown: Record<string, unknown> = {}): ResourceSpec => ({
    type: 'google_container_node_pool',
    name: 'p',
    provider: 'google',
    after: { cluster: 'c', node_config: [{ machine_type: 'g2-standard-12', resource_labels: labels }], ...after },
    unknown,
  });

  it('multiplies per-zone counts by the zones, but not total_max_node_count', () => {
    expect(gpus([pool({ location: 'us-central1', node_locations: ['us-central1-a', 'us-central1-b'], node_count: 3, autoscaling: [] })])).toEqual({ 'google-container-node-pool-p': 6 });
    expect(gpus([pool({ location: 'us-central1-f', node_count: 3, autoscaling: [] })])).toEqual({ 'google-container-node-pool-p': 3 });
    expect(gpus([pool({ location: 'us-central1', node_locations: ['a', 'b', 'c'], autoscaling: [{ max_node_count: 4, total_max_node_count: 0 }] })])).toEqual({ 'google-container-node-pool-p': 12 });
    expect(gpus([pool({ location: 'us-central1', autoscaling: [{ max_node_count: 0, total_max_node_count: 7 }] }, { node_locations: true })])).toEqual({ 'google-container-node-pool-p': 7 });
  });

  it('a regional pool with GPUs whose zones are unknown is TF_UNKNOWN_VALUE', () => {
    expect(problems([pool({ location: 'us-central1', node_count: 1, autoscaling: [] }, { node_locations: true })])).toEqual([['TF_UNKNOWN_VALUE', '/resource_changes/0/change/after_unknown/node_locations']]);
  });

  it("counts a cluster's inline node pools, and its default pool unless removed", () => {
    const cluster = (after: Record<string, unknown>): ResourceSpec => ({ type: 'google_container_cluster', name: 'c', provider: 'google', after: { location: 'us-central1-a', resource_labels: labels, ...after } });
    expect(gpus([cluster({ node_pool: [{ node_count: 2, node_config: [{ machine_type: 'a2-highgpu-4g' }], autoscaling: [] }, { node_count: 1, node_config: [{ machine_type: 'g2-standard-12' }], autoscaling: [] }] })])).toEqual({ 'google-container-cluster-c': 9 });
    expect(derive([cluster({ remove_default_node_pool: true, initial_node_count: 1, node_config: [{ machine_type: 'a2-highgpu-4g' }], resource_labels: {} })])).toMatchObject({ deployments: [], problems: [] });
  });
});

describe('counts and unknowns (design 3.9)', () => {
  const vmss = (after: Record<string, unknown>, extra: Partial<ResourceSpec> = {}): ResourceSpec => ({ type: 'azurerm_linux_virtual_machine_scale_set', name: 's', provider: 'azurerm', after: { location: 'eastus', tags: facts, ...after }, ...extra });

  it('an unknown count on GPU capacity is TF_UNKNOWN_VALUE; on CPU capacity it does not matter', () => {
    expect(problems([vmss({ sku: 'Standard_ND96isr_H100_v5' }, { unknown: { instances: true }, refs: { instances: ['azurerm_resource.x.count'] } })])).toEqual([['TF_UNKNOWN_VALUE', '/resource_changes/0/change/after_unknown/instances']]);
    expect(gpus([vmss({ sku: 'Standard_D4s_v5' }, { unknown: { instances: true } })])).toEqual({ 'azurerm-linux-virtual-machine-scale-set-s': 0 });
  });

  it('sums shared-GPU SKUs over a deployment before rounding up: six NV6ads count one GPU, not six', () => {
    const named = { ...facts, 'accord-deployment': 'desktops' };
    const vms = [0, 1, 2, 3, 4, 5].map((key): ResourceSpec => ({ type: 'azurerm_linux_virtual_machine', name: 'd', key, provider: 'azurerm', after: { size: 'Standard_NV6ads_A10_v5', tags: named, location: 'eastus' } }));
    expect(gpus(vms)).toEqual({ desktops: 1 });
    expect(gpus(vms.slice(0, 5))).toEqual({ desktops: 1 });
    expect(gpus([...vms, { ...(vms[0] as ResourceSpec), key: 6 }])).toEqual({ desktops: 2 });
  });

  it('AKS counts max_count when autoscaling is on, node_count when it is off', () => {
    const aks = (pool: Record<string, unknown>): ResourceSpec => ({ type: 'azurerm_kubernetes_cluster_node_pool', name: 'n', provider: 'azurerm', after: { vm_size: 'Standard_NC24ads_A100_v4', tags: facts, ...pool } });
    expect(gpus([aks({ auto_scaling_enabled: true, max_count: 9, node_count: 1 })])).toEqual({ 'azurerm-kubernetes-cluster-node-pool-n': 9 });
    expect(gpus([aks({ enable_auto_scaling: true, max_count: 7 })])).toEqual({ 'azurerm-kubernetes-cluster-node-pool-n': 7 });
    expect(gpus([aks({ auto_scaling_enabled: false, max_count: 9, node_count: 2 })])).toEqual({ 'azurerm-kubernetes-cluster-node-pool-n': 2 });
  });
});

describe('templates and groups', () => {
  it('follows a template passed into a module through its variable', () => {
    const resources: ResourceSpec[] = [
      { type: 'aws_launch_template', name: 'gpu', after: { instance_type: 'p5.48xlarge', tags: labels, tags_all: labels } },
      { type: 'aws_autoscaling_group', name: 'g', module: [['workers', 'east']], after: { max_size: 2, launch_template: [{ version: '$Latest' }], tag: [] }, unknown: { launch_template: [{ id: true }] }, refs: { 'launch_template.0.id': ['var.template_id'] } },
    ];
    const result = derive(resources, { moduleCalls: { workers: { expressions: { template_id: { references: ['aws_launch_template.gpu.id', 'aws_launch_template.gpu'] } } } } });
    expect(result.problems).toEqual([]);
    expect(result.deployments.map((d) => [d.name, (d.manifest.spec as { capacity: { gpus: number } }).capacity.gpus])).toEqual([['workers-east-aws-autoscaling-group-g', 16]]);
  });

  it('follows a template made in another module through its output', () => {
    const resources: ResourceSpec[] = [
      { type: 'oci_core_instance_configuration', name: 'cfg', module: [['templates']], provider: 'oracle/oci', providerConfigKey: 'oci', after: { instance_details: [{ launch_details: [{ shape: 'BM.GPU.H100.8' }] }], freeform_tags: labels } },
      { type: 'oci_core_instance_pool', name: 'pool', provider: 'oracle/oci', providerConfigKey: 'oci', after: { size: 3, freeform_tags: {} }, unknown: { instance_configuration_id: true }, refs: { instance_configuration_id: ['module.templates.config_id', 'module.templates'] } },
    ];
    const result = derive(resources, { moduleCalls: { templates: { module: { outputs: { config_id: { expression: { references: ['oci_core_instance_configuration.cfg.id', 'oci_core_instance_configuration.cfg'] } } } } } } });
    expect(result.problems.map((p) => p.code)).toEqual([]);
    expect(result.deployments.map((d) => (d.manifest.spec as { capacity: { gpus: number } }).capacity.gpus)).toEqual([24]);
  });

  it('takes the template instance a reference names by its key', () => {
    const template = (key: number, type: string): ResourceSpec => ({ type: 'aws_launch_template', name: 'lt', key, after: { instance_type: type } });
    const asg = (ref: string): ResourceSpec => ({
      type: 'aws_autoscaling_group',
      name: 'g',
      after: { max_size: 1, launch_template: [{ version: '1' }], tag: [{ key: 'accord-workload', value: 'training', propagate_at_launch: true }] },
      unknown: { launch_template: [{ id: true }] },
      refs: { 'launch_template.0.id': [`${ref}.id`, ref, 'aws_launch_template.lt'] },
    });
    expect(gpus([template(0, 'p5.4xlarge'), template(1, 'p5.48xlarge'), asg('aws_launch_template.lt[0]')])).toEqual({ 'aws-autoscaling-group-g': 1 });
    expect(gpus([template(0, 'p5.4xlarge'), template(1, 'p5.48xlarge'), asg('aws_launch_template.lt[1]')])).toEqual({ 'aws-autoscaling-group-g': 8 });
  });

  it('a template passed through a local cannot be followed: TF_UNRESOLVED_REFERENCE says so', () => {
    const resources: ResourceSpec[] = [
      { type: 'aws_launch_template', name: 'lt', after: { instance_type: 'p5.48xlarge' } },
      { type: 'aws_autoscaling_group', name: 'g', after: { max_size: 1, launch_template: [{ version: '1' }], tag: [] }, unknown: { launch_template: [{ id: true }] }, refs: { 'launch_template.0.id': ['local.template_id'] } },
    ];
    const result = derive(resources);
    expect(result.problems.map((p) => p.code)).toEqual(['TF_UNRESOLVED_REFERENCE']);
    expect(result.problems[0]?.message).toContain('a local');
  });

  it('links a template by its known id when the group refers to it by value', () => {
    const resources: ResourceSpec[] = [
      { type: 'aws_launch_template', name: 'lt', actions: ['no-op'], before: { id: 'lt-0abc', instance_type: 'g5.48xlarge' }, after: { id: 'lt-0abc', instance_type: 'g5.48xlarge' } },
      { type: 'aws_autoscaling_group', name: 'g', after: { max_size: 1, launch_template: [{ id: 'lt-0abc' }], tag: [{ key: 'accord-workload', value: 'training', propagate_at_launch: true }] } },
    ];
    expect(gpus(resources)).toEqual({ 'aws-autoscaling-group-g': 8 });
  });

  it("an aws_instance launched from a template without its own instance_type takes the template's", () => {
    const resources: ResourceSpec[] = [
      { type: 'aws_launch_template', name: 'lt', after: { instance_type: 'p4d.24xlarge' } },
      { type: 'aws_instance', name: 'i', after: { tags: facts, tags_all: facts, launch_template: [{ version: '$Default' }] }, unknown: { instance_type: true, launch_template: [{ id: true }] }, refs: { 'launch_template.0.id': ['aws_launch_template.lt.id', 'aws_launch_template.lt'] } },
    ];
    expect(gpus(resources)).toEqual({ 'aws-instance-i': 8 });
  });

  it('counts the largest mixed-instances override, and refuses attribute-based selection it cannot size', () => {
    const asg = (override: Record<string, unknown>[]): ResourceSpec => ({
      type: 'aws_autoscaling_group',
      name: 'mixed',
      after: { max_size: 2, tag: [{ key: 'accord-workload', value: 'training', propagate_at_launch: true }], mixed_instances_policy: [{ launch_template: [{ launch_template_specification: [{ launch_template_id: 'lt-x' }], override }] }] },
    });
    expect(gpus([asg([{ instance_type: 'g5.xlarge' }, { instance_type: 'g5.12xlarge' }])])).toEqual({ 'aws-autoscaling-group-mixed': 8 });
    expect(problems([asg([{ instance_requirements: [{ vcpu_count: [{ min: 4 }] }] }])]).map(([code]) => code)).toEqual(['TF_UNKNOWN_SKU']);
  });

  it('sizes a MIG by the largest of its versions, times the autoscaler maximum', () => {
    const resources: ResourceSpec[] = [
      { type: 'google_compute_instance_template', name: 'small', provider: 'google', after: { machine_type: 'g2-standard-12', labels } },
      { type: 'google_compute_instance_template', name: 'big', provider: 'google', after: { machine_type: 'g2-standard-48', labels } },
      {
        type: 'google_compute_instance_group_manager',
        name: 'm',
        provider: 'google',
        after: { zone: 'us-central1-a', target_size: 2, version: [{ name: 'stable' }, { name: 'canary', target_size: [{ fixed: 1 }] }] },
        unknown: { version: [{ instance_template: true }, { instance_template: true }] },
        refs: { 'version.0.instance_template': ['google_compute_instance_template.small.id', 'google_compute_instance_template.small'], 'version.1.instance_template': ['google_compute_instance_template.big.id', 'google_compute_instance_template.big'] },
      },
    ];
    expect(gpus(resources)).toEqual({ 'google-compute-instance-group-manager-m': 8 });
  });

  it('a changed GCP autoscaler whose group is not in the plan is TF_UNRESOLVED_REFERENCE', () => {
    const autoscaler: ResourceSpec = { type: 'google_compute_autoscaler', name: 'a', provider: 'google', after: { zone: 'us-central1-a', target: 'projects/p/zones/us-central1-a/instanceGroupManagers/elsewhere', autoscaling_policy: [{ max_replicas: 50 }] } };
    expect(problems([autoscaler])).toEqual([['TF_UNRESOLVED_REFERENCE', '/resource_changes/0/change/after/target']]);
  });
});
