/**
 * The gateway's typed client: paths and schemas generated from openapi/gateway.json by openapi-typescript
 * (`npm run generate` writes gateway.d.ts), calls made by openapi-fetch. Other front ends can copy this file
 * and the generated types, or generate their own from any gateway's /q/openapi (see cockpit/README.md).
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './gateway';

export type { components, paths };
export type Schemas = components['schemas'];
export type Overview = Schemas['Overview'];
export type OverviewCell = Schemas['OverviewCell'];
export type KpiDefinition = Schemas['KpiDefinition'];
export type KpiDetail = Schemas['KpiDetail'];
export type KpiValue = Schemas['KpiValue'];
export type KpiExplanation = Schemas['KpiExplanation'];
export type Alert = Schemas['Alert'];
export type Severity = Schemas['Severity'];
export type Status = Schemas['Status'];
export type ReportingStatus = Schemas['ReportingStatus'];
export type Target = Schemas['Target'];
export type TargetRequest = Schemas['TargetRequest'];
export type Problem = Schemas['Problem'];
export type OrgUnit = Schemas['OrgUnit'];

export type GatewayClient = ReturnType<typeof createGatewayClient>;

/** A problem+json answer (or a failure without one), thrown so that screens can show it. */
export class ProblemError extends Error {
  constructor(readonly status: number, readonly problem: Problem | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

/**
 * A client for the gateway at {@code baseUrl} (its root, e.g. http://localhost:8080) that sends
 * {@code accessToken()} as the bearer token on every call.
 */
export function createGatewayClient(baseUrl: string, accessToken: () => Promise<string | undefined>) {
  const client = createClient<paths>({ baseUrl: baseUrl.replace(/\/+$/, '') });
  const bearer: Middleware = {
    async onRequest({ request }) {
      const token = await accessToken();
      if (token) {
        request.headers.set('Authorization', `Bearer ${token}`);
      }
      request.headers.set('Accept', 'application/json');
      return request;
    },
  };
  client.use(bearer);
  return client;
}

/**
 * The data of an openapi-fetch answer, or a {@link ProblemError}. Operations that can also answer CSV type
 * their data as JSON or text; this client always asks for JSON, so the text alternative is left out.
 */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Exclude<T, string>> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) {
    throw new ProblemError(response.status, (error ?? undefined) as Problem | undefined);
  }
  return data as Exclude<T, string>;
}
