import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

// Only the parts the three charts use: esbuild leaves the rest of Chart.js out of the page.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);
Chart.defaults.animation = false;
Chart.defaults.responsive = true;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
Chart.defaults.color = '#1f2937';

export { Chart };

/** Okabe-Ito colours (distinguishable with the common colour-vision deficiencies), one per provider. */
const providerColours: Record<string, string> = {
  azure: '#0072B2',
  oracle: '#D55E00',
  softbank: '#E69F00',
  aws: '#009E73',
  gcp: '#CC79A7',
  coreweave: '#56B4E9',
  openai: '#332288',
  other: '#999933',
};

export function providerColour(provider: string): string {
  return providerColours[provider] ?? '#6b7280';
}

export const colours = {
  ink: '#111827',
  within: '#0072B2',
  over: '#B91C1C',
  cap: '#111827',
  expiring: '#C2410C',
  active: '#0072B2',
  expired: '#9CA3AF',
};

export { formatNumber } from '../dom.js';
