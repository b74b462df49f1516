/**
 * Voice of the Customer (docs/RULES.md#voice-of-the-customer): response rate, mean score per question and overall for each
 * survey, and the trend across surveys per account and for the portfolio (per calendar year).
 */
import type { Feedback, Survey } from '../schema/index.ts';
import type { AccountVoc, QuestionMean, SurveyResult, VocTrendPoint } from './types.ts';

/** One survey from its answers. `mean_change` is filled in by `accountVoc`. */
export function surveyResult(survey: Survey, answers: readonly Feedback[]): SurveyResult {
  const respondents = new Set<string>();
  const questions = new Map<string, { n: number; sum: number }>();
  let sum = 0;
  for (const f of answers) {
    respondents.add(f.respondent);
    sum += f.score;
    const q = questions.get(f.question);
    if (q) {
      q.n += 1;
      q.sum += f.score;
    } else questions.set(f.question, { n: 1, sum: f.score });
  }
  const perQuestion: QuestionMean[] = [...questions.entries()].map(([question, q]) => ({
    question,
    answers: q.n,
    mean: q.sum / q.n,
  }));
  return {
    survey_id: survey.survey_id,
    account_id: survey.account_id,
    date: survey.date,
    invited: survey.invited,
    respondents: respondents.size,
    // Not capped: respondents > invited is a data problem reported as a finding.
    response_rate: survey.invited > 0 ? respondents.size / survey.invited : 0,
    answers: answers.length,
    mean: answers.length > 0 ? sum / answers.length : null,
    questions: perQuestion,
    mean_change: null,
  };
}

function byDate(a: SurveyResult, b: SurveyResult): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.survey_id < b.survey_id ? -1 : a.survey_id > b.survey_id ? 1 : 0;
}

/** Orders one account's surveys and sets each one's change since the previous answered one. */
export function accountVoc(surveys: SurveyResult[]): AccountVoc {
  surveys.sort(byDate);
  let prev: number | null = null;
  let first: number | null = null;
  for (const s of surveys) {
    if (s.mean === null) continue;
    s.mean_change = prev === null ? null : s.mean - prev;
    prev = s.mean;
    first ??= s.mean;
  }
  return {
    surveys,
    latest_mean: prev,
    trend:
      prev !== null && first !== null && surveys.filter((s) => s.mean !== null).length > 1
        ? prev - first
        : null,
  };
}

/** Portfolio trend: surveys pooled per calendar year of their date. */
export function vocTrend(surveys: readonly SurveyResult[]): VocTrendPoint[] {
  const years = new Map<
    number,
    { surveys: number; invited: number; respondents: number; answers: number; sum: number }
  >();
  for (const s of surveys) {
    const year = Number(s.date.slice(0, 4));
    let y = years.get(year);
    if (!y) {
      y = { surveys: 0, invited: 0, respondents: 0, answers: 0, sum: 0 };
      years.set(year, y);
    }
    y.surveys += 1;
    y.invited += s.invited;
    y.respondents += s.respondents;
    y.answers += s.answers;
    y.sum += (s.mean ?? 0) * s.answers;
  }
  return [...years.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, y]) => ({
      year,
      surveys: y.surveys,
      invited: y.invited,
      respondents: y.respondents,
      response_rate: y.invited > 0 ? y.respondents / y.invited : null,
      answers: y.answers,
      mean: y.answers > 0 ? y.sum / y.answers : null,
    }));
}
