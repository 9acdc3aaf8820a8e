import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { type AdvisorAnswers, type AdvisorQuestionKey, adviseStructure } from '../../../../shared/model/advisor.ts';
import { createCommunityInput } from '../../../../shared/contracts/communities.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert } from '../../../components/ui/feedback.tsx';
import { ChoiceCards, TextArea, TextField } from '../../../components/ui/field.tsx';
import { Card, PageHeader } from '../../../components/ui/layout.tsx';
import { domainTypes, structureKinds, visibilities } from '../../../lib/catalogue.ts';
import { focusFirstInvalid, useFormErrors, validate } from '../../../lib/forms.ts';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { communityKeys, createCommunity } from '../api/communities.ts';
import { StructureAdvisor } from '../components/structure-advisor.tsx';

const FIELDS = ['name', 'slug', 'domainStatement', 'domainType', 'structureKind', 'purpose', 'visibility'];

/** A URL-safe slug from a name: "Water & Pumps!" → "water-pumps". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '');
}

function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <Card as="section" className="p-5 sm:p-6">
      <h2 className="flex items-center gap-3 text-base font-semibold text-slate-900">
        <span aria-hidden="true" className="flex size-7 items-center justify-center rounded-full bg-brand-50 text-sm text-brand-800 ring-1 ring-brand-200">
          {n}
        </span>
        {title}
      </h2>
      <div className="mt-5 space-y-6">{children}</div>
    </Card>
  );
}

export function NewCommunityPage() {
  usePageTitle('Create a community');
  const router = useRouter();
  const qc = useQueryClient();
  const [v, setV] = useState({
    name: '',
    slug: '',
    domainStatement: '',
    domainType: '',
    structureKind: 'community_of_practice',
    purpose: '',
    visibility: 'open',
  });
  const [slugEdited, setSlugEdited] = useState(false);
  // First the structure advisor, then the charter (MODEL §2, §6).
  const [phase, setPhase] = useState<'advisor' | 'charter'>('advisor');
  const [answers, setAnswers] = useState<AdvisorAnswers>({});
  const [kindChosen, setKindChosen] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const set = (key: keyof typeof v, value: string) => setV((old) => ({ ...old, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(createCommunityInput, v);
    if (checked.errors) {
      if (checked.errors.domainType) checked.errors.domainType = 'Choose the type of domain.';
      errors.setFields(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    errors.clear();
    setBusy(true);
    try {
      // The web flow proposes: the community goes through the launch process before it opens.
      const answered = Object.keys(answers).length ? answers : undefined;
      const created = await createCommunity({ ...checked.data, launch: 'propose', advisor: answered });
      await qc.invalidateQueries({ queryKey: communityKeys.all });
      await router.navigate({ href: paths.launch(created.slug) });
    } catch (err) {
      errors.fromError(err, FIELDS);
      focusFirstInvalid(formRef.current);
      setBusy(false);
    }
  }

  function answer(q: AdvisorQuestionKey, option: string) {
    const next = { ...answers, [q]: option };
    setAnswers(next);
    // The advice picks the kind until the proposer picks one themselves.
    const advice = adviseStructure(next);
    if (advice && !kindChosen) set('structureKind', advice.recommended);
  }

  if (phase === 'advisor') {
    return (
      <div className="mx-auto max-w-3xl space-y-8">
        <PageHeader
          title="Create a community"
          lead="Start with the need. Answer a few questions and we suggest the kind of group that fits; then describe it. It starts as a proposal and goes through the launch process before it opens."
        />
        <StructureAdvisor
          answers={answers}
          onAnswer={answer}
          chosen={v.structureKind}
          onChoose={(k) => {
            setKindChosen(true);
            set('structureKind', k);
          }}
          onContinue={() => {
            setPhase('charter');
            requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-page-heading]')?.focus());
          }}
        />
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <PageHeader
        title="Create a community"
        lead="A community starts with a shared domain: the challenges its members have in common. Describe it so the right people recognise themselves."
        actions={
          <Button variant="secondary" size="sm" onClick={() => setPhase('advisor')}>
            Back to the advisor
          </Button>
        }
      />
      <form ref={formRef} onSubmit={submit} noValidate className="space-y-6">
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <Step n={1} title="Name and domain">
          <TextField
            label="Name"
            name="name"
            value={v.name}
            error={errors.fields.name}
            onChange={(e) => {
              const name = e.target.value;
              setV((old) => ({ ...old, name, slug: slugEdited ? old.slug : slugify(name) }));
            }}
          />
          <TextField
            label="Web address"
            name="slug"
            value={v.slug}
            error={errors.fields.slug}
            autoCapitalize="none"
            spellCheck={false}
            hint={
              <>
                The community will live at <span className="font-mono text-slate-800">/c/{v.slug || 'your-community'}</span>. Lowercase
                letters, digits and hyphens.
              </>
            }
            onChange={(e) => {
              setSlugEdited(true);
              set('slug', e.target.value);
            }}
          />
          <TextArea
            label="Domain statement"
            name="domainStatement"
            rows={3}
            value={v.domainStatement}
            error={errors.fields.domainStatement}
            hint="In a sentence or two: what do members share, what do they want to get better at?"
            onChange={(e) => set('domainStatement', e.target.value)}
          />
          <ChoiceCards
            legend="Type of domain"
            name="domainType"
            choices={domainTypes.map((d) => ({
              ...d,
              extra: <span className="mt-1 block text-xs text-slate-600">Typical charter: {d.charter}</span>,
            }))}
            value={v.domainType}
            onChange={(x) => set('domainType', x)}
            error={errors.fields.domainType}
            columns={3}
          />
        </Step>
        <Step n={2} title="Structure and purpose">
          <ChoiceCards
            legend="What kind of group is it?"
            hint="Pick the structure that matches the need. Most groups that steward what people know are communities of practice."
            name="structureKind"
            choices={structureKinds.map((s) => ({
              ...s,
              extra: <span className="mt-1 block text-xs text-slate-600">Fits when you have {s.need}.</span>,
            }))}
            value={v.structureKind}
            onChange={(x) => set('structureKind', x)}
            error={errors.fields.structureKind}
          />
          <TextArea
            label="Purpose"
            name="purpose"
            optional
            rows={4}
            value={v.purpose}
            error={errors.fields.purpose}
            hint="What will members do together, and what difference should it make?"
            onChange={(e) => set('purpose', e.target.value)}
          />
        </Step>
        <Step n={3} title="Who can find and join it">
          <ChoiceCards
            legend="Visibility"
            name="visibility"
            choices={visibilities}
            value={v.visibility}
            onChange={(x) => set('visibility', x)}
            error={errors.fields.visibility}
          />
        </Step>
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-slate-600">You will be its first coordinator. It starts as a proposal: next comes the launch process.</p>
          <Button type="submit" busy={busy}>
            Propose the community
          </Button>
        </div>
      </form>
    </div>
  );
}
