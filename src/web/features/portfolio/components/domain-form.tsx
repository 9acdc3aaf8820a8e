import { useRef, useState } from 'react';
import { domainInput, type DomainInput, type DomainView } from '../../../../shared/contracts/portfolio.ts';
import { domainStances } from '../../../../shared/model/catalogue.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert } from '../../../components/ui/feedback.tsx';
import { ChoiceCards, SelectField, TextArea, TextField } from '../../../components/ui/field.tsx';
import { focusFirstInvalid, useFormErrors, validate } from '../../../lib/forms.ts';
import { usePortfolioChange } from '../api/portfolio.ts';

const PRIORITIES = [
  [1, '1 — highest'],
  [2, '2 — high'],
  [3, '3 — medium'],
  [4, '4 — low'],
  [5, '5 — lowest'],
] as const;
const FIELDS = ['name', 'description', 'priority', 'stance'];

/** Adds a domain, or edits one when `domain` is given. */
export function DomainForm({ domain, onDone }: { domain?: DomainView; onDone: () => void }) {
  const [draft, setDraft] = useState<DomainInput>({
    name: domain?.name ?? '',
    description: domain?.description ?? '',
    priority: domain?.priority ?? 3,
    stance: domain?.stance ?? 'engage',
  });
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const change = usePortfolioChange();
  return (
    <form
      ref={formRef}
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const checked = validate(domainInput, draft);
        if (checked.errors) {
          errors.setFields(checked.errors);
          focusFirstInvalid(formRef.current);
          return;
        }
        errors.clear();
        change.mutate(domain ? { method: 'PATCH', url: `/api/domains/${domain.id}`, body: checked.data } : { method: 'POST', url: '/api/domains', body: checked.data }, {
          onSuccess: onDone,
          onError: (err) => {
            errors.fromError(err, FIELDS);
            focusFirstInvalid(formRef.current);
          },
        });
      }}
    >
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <TextField label="Name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} error={errors.fields.name} />
      <TextArea
        label="What it covers"
        optional
        rows={3}
        value={draft.description}
        onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        error={errors.fields.description}
      />
      <SelectField label="Strategic priority" value={draft.priority} onChange={(e) => setDraft({ ...draft, priority: Number(e.target.value) })} error={errors.fields.priority}>
        {PRIORITIES.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </SelectField>
      <ChoiceCards
        legend="The organization’s stance"
        name={`stance-${domain?.id ?? 'new'}`}
        columns={3}
        choices={domainStances}
        value={draft.stance}
        onChange={(v) => setDraft({ ...draft, stance: v as DomainInput['stance'] })}
        error={errors.fields.stance}
      />
      <div className="flex gap-2">
        <Button type="submit" busy={change.isPending}>
          {domain ? 'Save domain' : 'Add domain'}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
