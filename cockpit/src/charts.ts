/** Apache ECharts, only the charts and components the cockpit draws (keeps the bundle small). */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, ScatterChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent,
  TooltipComponent, CanvasRenderer]);

export const STATUS_COLOURS: Record<string, string> = {
  AHEAD: '#1b7a3a',
  ON_TRACK: '#1d5fa8',
  BEHIND: '#b3261e',
  NO_TARGET: '#5f6368',
  NO_DATA: '#5f6368',
};

const live: echarts.ECharts[] = [];

/** A chart in a box that screen readers announce with {@code description}. */
export function chart(description: string, option: EChartsCoreOption, height = 320): HTMLElement {
  const box = document.createElement('div');
  box.className = 'chart';
  box.style.height = `${height}px`;
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', description);
  // ECharts needs the box in the document to measure it.
  requestAnimationFrame(() => {
    const instance = echarts.init(box, undefined, { renderer: 'canvas' });
    instance.setOption({ aria: { enabled: false }, animation: false, ...option });
    live.push(instance);
  });
  return box;
}

/** Called before a screen is replaced: frees the old charts. */
export function disposeCharts(): void {
  while (live.length) {
    live.pop()?.dispose();
  }
}

window.addEventListener('resize', () => live.forEach((instance) => instance.resize()));
