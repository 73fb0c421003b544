import type { FusionSettings, ModelOpinion } from './search-model.js';
import type { LexicalRanking, SearchHit } from './search-index.js';


/** How many lexical candidates the model may reorder: a case lexical ranks 2nd–10th can be promoted. */
export const LEXICAL_CANDIDATES = 10;
/** How many of the model's own best cases join the candidates, even when lexical found nothing for them. */
const MODEL_CANDIDATES = 3;
/** Alternates scoring under this share of the best are not shown (as the lexical ranking does). */
const ALTERNATE_MIN_SHARE = 0.05;

/**
 * The one point where /script search combines its two opinions. A case's fused score is its lexical
 * score as a share of the best lexical score, blended with the model's probability for it
 * (`modelWeight`). The answer is "no match" when lexical is not confident and the model's best case is
 * below `rescueAt`, when lexical is confident but the model finds the query off-topic from `rejectAt`, or when
 * the query is the writer's own matter told in a case's words.
 * A case the model has no class for (new since training) ranks as if the model agreed with lexical, and
 * is not turned into "no match" by the model's off-topic mass when lexical ranks it first.
 */
export function fuseRankings(lexical: LexicalRanking, opinion: ModelOpinion, settings: FusionSettings, limit: number): SearchHit[] {
  if (lexical.staffChat) return [];
  const modelBest = [...opinion.cases].sort((a, b) => b[1] - a[1]).slice(0, MODEL_CANDIDATES);
  const bestModelP = modelBest[0]?.[1] ?? 0;
  // A case approved since the model was trained has no class: when lexical is sure of it, the model's
  // off-topic mass may be that case's and must not hide it.
  const newCaseFirst = lexical.confident && lexical.hits[0] !== undefined && !opinion.cases.has(lexical.hits[0].id);
  if (lexical.confident ? !newCaseFirst && opinion.offTopic >= settings.rejectAt : bestModelP < settings.rescueAt) return [];
  const top = lexical.hits[0]?.score ?? 0;
  const share = new Map(lexical.hits.slice(0, LEXICAL_CANDIDATES).map((h) => [h.id, top > 0 ? h.score / top : 0]));
  for (const [id] of modelBest) if (!share.has(id)) share.set(id, 0);
  const w = settings.modelWeight;
  // Where the model has no class for a case it has no opinion of it either: it is taken to agree with
  // lexical as strongly as it backs its own favourite, so a new case is not outranked for being new.
  const modelP = (id: string, lexicalShare: number) => opinion.cases.get(id) ?? lexicalShare * bestModelP;
  const fused = [...share].map(([id, lexicalShare]) => ({ id, lexicalShare, score: (1 - w) * lexicalShare + w * modelP(id, lexicalShare) }));
  fused.sort((a, b) => b.score - a.score || b.lexicalShare - a.lexicalShare || (a.id < b.id ? -1 : 1));
  const best = fused[0]?.score ?? 0;
  return fused
    .filter((f) => f.score > 0 && f.score >= best * ALTERNATE_MIN_SHARE)
    .slice(0, limit)
    .map((f) => ({ id: f.id, score: Math.round(f.score * 1e4) / 1e4 }));
}
