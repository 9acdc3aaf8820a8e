import { type FormEvent, useMemo, useRef, useState } from 'react';
import type { EventDetail } from '../../../../shared/contracts/events.ts';
import { eventCadences, eventKinds } from '../../../../shared/model/catalogue.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert } from '../../../components/ui/feedback.tsx';
import { ChoiceCards, SelectField, TextArea, TextField } from '../../../components/ui/field.tsx';
import { focusFirstInvalid, useFormErrors } from '../../../lib/forms.ts';
import { joinRule, type RepeatEnd, repeatChoices, splitRule } from './recurrence.ts';
import { timeZones, viewerZone } from './time.ts';

const FIELDS = ['kind', 'cadence', 'title', 'description', 'startsAt', 'endsAt', 'timeZone', 'rule', 'place', 'onlineUrl', 'capacity'];

/** Next week at 18:00, as a local "YYYY-MM-DDTHH:mm". */
function defaultStart() {
  const d = new Date(Date.now() + 7 * 86400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T18:00`;
}
const addHours = (local: string, h: number) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return local;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4] + h, +m[5]));
  return d.toISOString().slice(0, 16);
};

/** Plans or edits an event: what, when (with its time zone and repeat rule in plain words), where. */
export function EventForm({ initial, submitLabel, onSubmit }: { initial?: EventDetail; submitLabel: string; onSubmit: (body: Record<string, unknown>) => Promise<void> }) {
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors();
  const [busy, setBusy] = useState(false);
  const start0 = initial?.localStart ?? defaultStart();
  const [kind, setKind] = useState(initial?.kind ?? 'meeting');
  const [cadence, setCadence] = useState(initial?.cadence ?? 'regular');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [startsAt, setStartsAt] = useState(start0);
  const [endsAt, setEndsAt] = useState(initial?.localEnd ?? addHours(start0, 1));
  const [timeZone, setTimeZone] = useState(initial?.timeZone ?? viewerZone());
  const split = splitRule(initial?.rule ?? null);
  const choices = repeatChoices(startsAt);
  const matching = choices.find((c) => c.rule === split.pattern);
  const [repeat, setRepeat] = useState(initial ? (matching?.key ?? (split.pattern ? 'custom' : 'none')) : 'none');
  const [end, setEnd] = useState<RepeatEnd>(split.end);
  const [place, setPlace] = useState(initial?.place ?? '');
  const [onlineUrl, setOnlineUrl] = useState(initial?.onlineUrl ?? '');
  const [capacity, setCapacity] = useState(initial?.capacity ? String(initial.capacity) : '');
  const zones = useMemo(timeZones, []);

  const pattern = repeat === 'custom' ? split.pattern : (choices.find((c) => c.key === repeat)?.rule ?? null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    errors.clear();
    setBusy(true);
    try {
      await onSubmit({
        kind,
        cadence,
        title,
        description,
        startsAt,
        endsAt,
        timeZone,
        rule: joinRule(pattern, end),
        place,
        onlineUrl: onlineUrl.trim(),
        capacity: capacity.trim() ? Number(capacity) : null,
      });
    } catch (err) {
      errors.fromError(err, FIELDS);
      focusFirstInvalid(formRef.current);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-6">
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={errors.fields.title} required maxLength={120} />
      <ChoiceCards legend="Regular or special?" hint="Rhythm balances familiar rituals with events that break the routine." name="cadence" choices={eventCadences} value={cadence} onChange={(v) => setCadence(v as typeof cadence)} error={errors.fields.cadence} />
      <ChoiceCards legend="Kind of event" name="kind" choices={eventKinds} value={kind} onChange={(v) => setKind(v as typeof kind)} error={errors.fields.kind} columns={3} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Starts"
          type="datetime-local"
          value={startsAt}
          onChange={(e) => {
            const v = e.target.value;
            // Keep the length of the event when the start moves.
            const m = /T(\d{2}):(\d{2})$/;
            if (m.test(startsAt) && m.test(endsAt)) {
              const dur = (Date.parse(`${endsAt}:00Z`) - Date.parse(`${startsAt}:00Z`)) / 3600_000;
              if (dur > 0 && v) setEndsAt(addHours(v, dur));
            }
            setStartsAt(v);
          }}
          error={errors.fields.startsAt}
          required
        />
        <TextField label="Ends" type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} error={errors.fields.endsAt} required />
      </div>
      <SelectField label="Time zone" hint="The clock the start and end are on; everyone else sees the times in their own zone." value={timeZone} onChange={(e) => setTimeZone(e.target.value)} error={errors.fields.timeZone}>
        {!zones.includes(timeZone) && <option value={timeZone}>{timeZone}</option>}
        {zones.map((z) => (
          <option key={z} value={z}>
            {z.replace(/_/g, ' ')}
          </option>
        ))}
      </SelectField>
      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-900">Repeats</legend>
        <SelectField label="How often" value={repeat} onChange={(e) => setRepeat(e.target.value)} error={errors.fields.rule} hint="Choices follow the start date you picked.">
          {choices.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
          {split.pattern && !matching && <option value="custom">Keep the current rule ({initial?.ruleText ?? split.pattern})</option>}
        </SelectField>
        {pattern && (
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField
              label="Ends"
              value={end.kind}
              onChange={(e) => {
                const k = e.target.value;
                setEnd(k === 'count' ? { kind: 'count', count: 10 } : k === 'until' ? { kind: 'until', date: startsAt.slice(0, 10) } : { kind: 'never' });
              }}
            >
              <option value="never">Never</option>
              <option value="count">After a number of times</option>
              <option value="until">On a date</option>
            </SelectField>
            {end.kind === 'count' && (
              <TextField label="Number of times" type="number" min={1} max={1000} value={String(end.count)} onChange={(e) => setEnd({ kind: 'count', count: Number(e.target.value) })} />
            )}
            {end.kind === 'until' && <TextField label="Last date" type="date" value={end.date} onChange={(e) => setEnd({ kind: 'until', date: e.target.value })} />}
          </div>
        )}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Place" optional value={place} onChange={(e) => setPlace(e.target.value)} error={errors.fields.place} maxLength={200} hint="A room, a site, an address." />
        <TextField label="Online link" optional type="url" value={onlineUrl} onChange={(e) => setOnlineUrl(e.target.value)} error={errors.fields.onlineUrl} placeholder="https://" />
      </div>
      <TextField
        label="Capacity"
        optional
        type="number"
        min={1}
        inputMode="numeric"
        value={capacity}
        onChange={(e) => setCapacity(e.target.value)}
        error={errors.fields.capacity}
        hint="When it is full, people who say they are going join a waiting list."
        className="sm:max-w-40"
      />
      <TextArea label="Description" optional rows={5} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.fields.description} hint="What it is for and how to prepare. Markdown works." />
      <Button type="submit" busy={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
