/** The portfolio roadmap page: the core's quarters, with the chart drawn at build time. */
import { portfolioRoadmap, type PortfolioRoadmap } from '#core/model/roadmap';
import { roadmapChartSvg } from './roadmap-chart.ts';
import type { PortfolioIndex } from './portfolio-index.ts';

export interface RoadmapPageData {
  roadmap: PortfolioRoadmap;
  chartSvg: string;
  quietQuarters: number;
  currency: string;
}

export function roadmapPageData(index: PortfolioIndex): RoadmapPageData {
  const { asOf, settings, clients } = index.portfolio;
  const roadmap = portfolioRoadmap(clients, { asOf, locale: settings.locale });
  return {
    roadmap,
    chartSvg: roadmapChartSvg(roadmap, { currency: settings.currency, locale: settings.locale }),
    quietQuarters: roadmap.quarters.filter((q) => q.quiet).length,
    currency: settings.currency,
  };
}
