// Runs the generated client against a live service: MASTHEAD_URL (default http://localhost:8080) and
// MASTHEAD_TOKEN (an editor or admin token). Exits non-zero when anything is not as the spec says.
import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";

type Article = components["schemas"]["Article"];
type SparseArticle = components["schemas"]["SparseArticle"];
type Ninjs = components["schemas"]["Ninjs"];
type Problem = components["schemas"]["Problem"];

const baseUrl = process.env.MASTHEAD_URL ?? "http://localhost:8080";
const token = process.env.MASTHEAD_TOKEN;
if (!token) {
  throw new Error("Set MASTHEAD_TOKEN to an editor or admin token");
}
const api = createClient<paths>({ baseUrl });
const asEditor = { Authorization: `Bearer ${token}` };

function check(condition: boolean, what: string): asserts condition {
  if (!condition) {
    throw new Error(`Failed: ${what}`);
  }
  console.log(`ok - ${what}`);
}

function describe(a: Article): string {
  // Nullable fields are typed `string | null`: the compiler makes us handle the null.
  return `${a.slug}: "${a.headline}" by ${a.byline ?? "(no byline)"}, published ${a.publishedAt ?? "(not yet)"}`;
}

const suffix = Date.now().toString(36);

// Create with a token: a person, then a published article about them.
const person = await api.POST("/api/v1/people", {
  headers: asEditor,
  body: { name: `Володимир Зеленський ${suffix}`, role: "President of Ukraine" },
});
check(person.response.status === 201 && person.data !== undefined, "create a person with a token (201)");
check(person.data.slug === `volodymyr-zelenskyi-${suffix}`, `its derived slug is ${person.data.slug}`);

const created = await api.POST("/api/v1/articles", {
  headers: asEditor,
  body: { headline: `Convoy leaves Izium ${suffix}`, status: "published", personIds: [person.data.id], tags: ["ukraine"] },
});
check(created.response.status === 201 && created.data !== undefined, "create an article with a token (201)");
check(created.data.byline === null, "an article without a byline has byline null (nullable in the spec)");
console.log(`   ${describe(created.data)}`);

// List (anonymously), filtered and limited.
const list = await api.GET("/api/v1/articles", { params: { query: { tag: "ukraine", limit: "5" } } });
check(list.data !== undefined, "list articles");
check(list.data.items.some((a) => a.id === created.data.id), `the new article is in the list of ${list.data.items.length}`);
console.log(`   next page: ${list.data.next ?? "none"}`);

// Read one by slug with its people included.
const one = await api.GET("/api/v1/articles/{idOrSlug}", {
  params: { path: { idOrSlug: created.data.slug }, query: { include: "people" } },
});
// The operation also answers IPTC ninjs (Accept: application/ninjs+json), and a sparse copy with fields=, so the
// body is typed as any of them.
const isArticle = (body: Article | SparseArticle | Ninjs | undefined): body is Article =>
  body !== undefined && "headline" in body && "version" in body;
check(isArticle(one.data), "read the article by slug with include=people");
const people = one.data.people ?? [];
check(people.length === 1 && people[0]?.name === person.data.name, `its people: ${people.map((p) => p.name).join(", ")}`);
check(people[0]?.affiliation === null, "the person's affiliation is null (nullable in the spec)");

// Problem responses are typed as problems.
const missing = await api.GET("/api/v1/articles/{idOrSlug}", { params: { path: { idOrSlug: `no-such-article-${suffix}` } } });
const notFound: Problem | undefined = missing.error;
check(missing.response.status === 404 && notFound?.status === 404, `a missing article is a 404 problem: ${notFound?.title}`);

const tooBig = await api.GET("/api/v1/articles", { params: { query: { limit: "1000" } } });
const invalid: Problem | undefined = tooBig.error;
check(tooBig.response.status === 400 && invalid?.status === 400, `limit=1000 is a 400 problem: ${invalid?.detail}`);
const problemType = missing.response.headers.get("content-type") ?? "";
check(problemType.startsWith("application/problem+json"), "problems are application/problem+json");

const anonymous = await api.DELETE("/api/v1/articles/{idOrSlug}", { params: { path: { idOrSlug: created.data.id } } });
check(anonymous.response.status === 401 && anonymous.error?.status === 401, "deleting without a token is a 401 problem");

const deleted = await api.DELETE("/api/v1/articles/{idOrSlug}", { headers: asEditor, params: { path: { idOrSlug: created.data.id } } });
check(deleted.response.status === 204, "delete the article with a token (204)");
console.log("all checks passed");
