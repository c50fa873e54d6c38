// A short lead workflow written against the TypeScript types generated from Leadline's OpenAPI
// document (openapi-typescript). CI type-checks it with tsc --strict: when the document changes in
// a way that breaks a client, this stops compiling.
import type { components, paths } from "./generated/leadline";

type Lead = components["schemas"]["Lead"];
type Interaction = components["schemas"]["LeadInteraction"];
type Problem = components["schemas"]["Problem"];
type LeadProcess = paths["/api/v1/leads/{leadId}/process"]["get"]["responses"][200]["content"]["application/json"];
type Qualified = paths["/api/v1/leads/{leadId}/qualify"]["post"]["responses"][201]["content"]["application/json"];
type Rating = paths["/api/v1/qualification/leads/{id}/rate"]["post"]["responses"][200]["content"]["application/json"];
type TimelinePage = paths["/api/v1/leads/{leadId}/timeline"]["get"]["responses"][200]["content"]["application/json"];

const base = "http://localhost:8080/api/v1";

async function call<T>(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ value: T; etag: string | null }> {
  const response = await fetch(base + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = (await response.json()) as Problem;
    throw new Error(`${problem.status} ${problem.title}: ${(problem.errors ?? []).map((e) => `${e.field} ${e.reason}`).join("; ")}`);
  }
  return { value: (await response.json()) as T, etag: response.headers.get("ETag") };
}

export async function workflow(token: string): Promise<string> {
  // create
  const lead: Lead = {
    person: { firstName: "Anna", lastName: "Schmidt", email: "anna.schmidt@acme.example" },
    company: { name: "ACME GmbH", employees: 250 },
    origin: { source: "TRADE_FAIR", detail: "Hannover Messe" },
    qualification: { budget: { amount: 50000, currency: "EUR" }, need: "Replace spreadsheets", purchaseTimeframe: "THIS_QUARTER" },
  } as Lead;
  const created = await call<Lead>(token, "POST", "/leads", lead, { "Idempotency-Key": "workflow-1" });
  const id: string = created.value.id;

  // rate
  const rating = await call<Rating>(token, "POST", `/qualification/leads/${id}/rate`);
  const hot: boolean = created.value.rating === "HOT" || rating.value.rating === "HOT";
  // the first recommended action, typed: mark it done
  const action = created.value.scoring?.recommendations[0];
  if (action !== undefined) {
    const due: string | undefined = action.dueBy;
    await call<unknown>(token, "PATCH", `/leads/${id}/recommendations/${action.recommendationId}`,
      { state: "DONE", comment: `done before ${due ?? "any date"}` });
  }

  // add an interaction
  const call1: Interaction = { medium: "PHONE", direction: "OUTBOUND", purpose: "First call", outcome: "Send a proposal" } as Interaction;
  const interaction = await call<Interaction>(token, "POST", `/leads/${id}/interactions`, call1);
  const interactionId: string = interaction.value.id;

  // the timeline: each entry's item is one of the items' own types
  const timeline = await call<TimelinePage>(token, "GET", `/leads/${id}/timeline?limit=20`);
  const interactions = timeline.value.items.filter((e) => e.kind === "INTERACTION").length;

  // move the stage
  const process = await call<LeadProcess>(token, "GET", `/leads/${id}/process`);
  const next = process.value.nextStage;
  if (typeof next === "string") {
    await call<LeadProcess>(token, "POST", `/leads/${id}/process/stage`, { stage: next });
  }

  // qualify
  const qualified = await call<Qualified>(token, "POST", `/leads/${id}/qualify`, {});
  const opportunityId: string | null | undefined = qualified.value.opportunity.id;
  return `${id} ${interactionId} ${hot} ${interactions} ${opportunityId ?? ""}`;
}
