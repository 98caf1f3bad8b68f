import { describe, expect, it } from 'vitest';
import { GPU_UNIT, mappingSkuIndex, showUnits, skuGpus, skuRows, toUnits } from '../../../src/input/terraform/sku-table.js';

const none = new Map<string, number>();

describe('the GPU SKU table (gpu-skus.json)', () => {
  it('gives every row a cloud, a count, a verification level and a source', () => {
    expect(skuRows.length).toBeGreaterThan(100);
    for (const row of skuRows) {
      expect(['azure', 'aws', 'gcp', 'oracle'], row.sku).toContain(row.cloud);
      expect(['doc', 'vendor code', 'secondary', 'name'], row.sku).toContain(row.verified);
      expect(row.source.length, row.sku).toBeGreaterThan(10);
      expect(toUnits(row.gpus), row.sku).toBeGreaterThan(0);
    }
  });

  it('lists each SKU once per cloud', () => {
    const keys = skuRows.map((r) => `${r.cloud}:${r.cloud === 'azure' || r.cloud === 'oracle' ? r.sku.toLowerCase() : r.sku}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('only lists SKUs of the accelerator families, so an unlisted sibling can never read as "no GPUs"', () => {
    for (const row of skuRows) {
      const other = `${row.sku}-unlisted`.replace(/\.(\w+)$/, '.$1x');
      const sibling = row.cloud === 'aws' ? row.sku.replace(/\.[^.]+$/, '.99xlarge') : other;
      expect(skuGpus(row.cloud, sibling, none).kind, `${row.cloud} ${sibling}`).toBe('unknown');
    }
  });

  it('reads counts: whole, shared (1/8 to 1/2), and case-insensitively on Azure and OCI only', () => {
    expect(skuGpus('azure', 'Standard_ND96isr_H100_v5', none)).toEqual({ kind: 'gpus', units: 8 * GPU_UNIT, from: 'table' });
    expect(skuGpus('azure', 'standard_nd96ISR_h100_V5', none)).toMatchObject({ units: 8 * GPU_UNIT });
    expect(skuGpus('oracle', 'bm.gpu.h100.8', none)).toMatchObject({ units: 8 * GPU_UNIT });
    expect(skuGpus('aws', 'P5.48XLARGE', none).kind).toBe('none');
    expect(skuGpus('azure', 'Standard_NV6ads_A10_v5', none)).toMatchObject({ units: GPU_UNIT / 6 });
    expect(skuGpus('aws', 'g6f.large', none)).toMatchObject({ units: GPU_UNIT / 8 });
    expect(showUnits(GPU_UNIT / 6)).toBe('1/6');
    expect(showUnits(3 * GPU_UNIT)).toBe('3');
  });

  it('reads a CPU SKU as no GPUs, and an accelerator SKU the table lacks as unknown (Trainium, Inferentia, Gaudi, TPUs)', () => {
    for (const [cloud, sku] of [['aws', 't3.micro'], ['aws', 'm7i.48xlarge'], ['aws', 'f1.2xlarge'], ['azure', 'Standard_D4s_v5'], ['gcp', 'n2-standard-8'], ['gcp', 'g1-small'], ['gcp', 'e2-medium'], ['oracle', 'VM.Standard.E4.Flex'], ['azure', '']] as const) {
      expect(skuGpus(cloud, sku, none).kind, sku).toBe('none');
    }
    for (const [cloud, sku] of [['aws', 'trn1.32xlarge'], ['aws', 'inf2.48xlarge'], ['aws', 'dl1.24xlarge'], ['aws', 'p2.xlarge'], ['gcp', 'ct5lp-hightpu-4t'], ['gcp', 'g4-standard-48'], ['azure', 'Standard_ND128isr_GB300_v6'], ['oracle', 'BM.GPU.X99.8']] as const) {
      expect(skuGpus(cloud, sku, none).kind, sku).toBe('unknown');
    }
  });

  it("takes the mapping's skus for SKUs the table lacks, and refuses a mapping count that contradicts the table", () => {
    const mapping = mappingSkuIndex({ 'trn1.32xlarge': 16, 'Standard_ND96isr_H100_v5': 4, 'STANDARD_NEW_V9': 2 });
    expect(skuGpus('aws', 'trn1.32xlarge', mapping)).toEqual({ kind: 'gpus', units: 16 * GPU_UNIT, from: 'mapping' });
    expect(skuGpus('azure', 'Standard_New_v9', mapping)).toMatchObject({ kind: 'gpus', units: 2 * GPU_UNIT });
    expect(skuGpus('azure', 'Standard_ND96isr_H100_v5', mapping)).toEqual({ kind: 'conflict', table: 8 * GPU_UNIT, mapping: 4 * GPU_UNIT });
    expect(skuGpus('aws', 'TRN1.32XLARGE', mapping).kind).toBe('none');
  });

  it('refuses a count that is not a whole number of 24ths', () => {
    expect(() => toUnits('1/5')).toThrow();
    expect(() => toUnits(0.3)).toThrow();
  });
});
