import { createGatewayClient, must, type GatewayClient, type KpiDefinition, type Overview } from './api/client';
import type { Session } from './auth';

/** What every screen uses: the typed client, who is signed in, the year shown, and answers worth keeping. */
export class Cockpit {
  readonly client: GatewayClient;
  private overviews = new Map<number, Promise<Overview>>();

  constructor(readonly gatewayUrl: string, readonly session: Session, accessToken: () => Promise<string | undefined>) {
    this.client = createGatewayClient(gatewayUrl, accessToken);
  }

  get isCityAdmin(): boolean {
    return this.session.roles.includes('city-admin');
  }

  /** The first screen in one call; the districts screen reuses it. */
  overview(year: number): Promise<Overview> {
    let answer = this.overviews.get(year);
    if (!answer) {
      answer = must(this.client.GET('/api/v1/overview', { params: { query: { year } } }));
      answer.catch(() => this.overviews.delete(year));
      this.overviews.set(year, answer);
    }
    return answer;
  }

  forget(): void {
    this.overviews.clear();
  }

  async definition(year: number, kpiId: string): Promise<KpiDefinition | undefined> {
    return (await this.overview(year)).kpis?.find((kpi) => kpi.id === kpiId);
  }
}

/** The route: #/<screen>/<parts...>?<query>. */
export interface Route {
  screen: string;
  parts: string[];
  query: URLSearchParams;
}

export function currentRoute(): Route {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = hash.split('?');
  const [screen = 'overview', ...parts] = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { screen, parts, query: new URLSearchParams(search) };
}

export function link(screen: string, parts: string[] = [], query: Record<string, string | number | null | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, String(value));
    }
  }
  const path = [screen, ...parts.map(encodeURIComponent)].join('/');
  const q = search.toString();
  return `#/${path}${q ? `?${q}` : ''}`;
}

/** The year in the route, else the newest year that has data (the demo is 2025). */
export function routeYear(route: Route): number | undefined {
  const year = Number(route.query.get('year'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
}
