import { type AdvisorAnswers, type AdvisorQuestionKey, adviseStructure, advisorQuestions } from '../../../../shared/model/advisor.ts';
import { structureKinds } from '../../../../shared/model/catalogue.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Badge } from '../../../components/ui/feedback.tsx';
import { ChoiceCards } from '../../../components/ui/field.tsx';
import { Card } from '../../../components/ui/layout.tsx';

const nameOf = (key: string) => structureKinds.find((s) => s.key === key)?.name ?? key;

/**
 * The structure advisor (MODEL §2): plain questions about the need, a recommendation with the
 * reasons for it, and all five kinds to choose from, the advice marked but never imposed.
 */
export function StructureAdvisor({
  answers,
  onAnswer,
  chosen,
  onChoose,
  onContinue,
}: {
  answers: AdvisorAnswers;
  onAnswer: (question: AdvisorQuestionKey, option: string) => void;
  chosen: string;
  onChoose: (kind: string) => void;
  onContinue: () => void;
}) {
  const advice = adviseStructure(answers);
  return (
    <div className="space-y-6">
      <Card as="section" className="p-5 sm:p-6">
        <h2 className="text-base font-semibold text-slate-900">What do you need?</h2>
        <p className="mt-1 text-sm text-slate-600">
          A few questions help pick the right kind of group. Not every need calls for a community of practice, and that is fine: all five kinds can
          live here.
        </p>
        <div className="mt-5 space-y-6">
          {advisorQuestions.map((q) => (
            <ChoiceCards
              key={q.key}
              legend={q.name}
              hint={q.description}
              name={`advisor-${q.key}`}
              choices={q.options}
              value={answers[q.key] ?? ''}
              onChange={(x) => onAnswer(q.key, x)}
            />
          ))}
        </div>
      </Card>
      <Card as="section" className="p-5 sm:p-6">
        <h2 className="text-base font-semibold text-slate-900">The advice</h2>
        <div aria-live="polite" className="mt-2 text-sm text-slate-700">
          {advice ? (
            <p>
              <span className="font-medium text-slate-900">We recommend: {nameOf(advice.recommended)}.</span> {advice.explanation}
            </p>
          ) : (
            <p>Answer a question or two and the advice appears here.</p>
          )}
        </div>
        <div className="mt-5">
          <ChoiceCards
            legend="Which kind of group will it be?"
            hint="Take the advice or choose otherwise; you know your situation best."
            name="structureKind"
            choices={structureKinds.map((s) => ({
              ...s,
              extra: (
                <span className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                  Fits {s.need}.
                  {advice?.recommended === s.key && <Badge tone="brand">Recommended</Badge>}
                  {advice?.runnerUp === s.key && <Badge>Runner-up</Badge>}
                </span>
              ),
            }))}
            value={chosen}
            onChange={onChoose}
          />
        </div>
        <div className="mt-5 flex justify-end">
          <Button onClick={onContinue}>Continue with {nameOf(chosen)}</Button>
        </div>
      </Card>
    </div>
  );
}
