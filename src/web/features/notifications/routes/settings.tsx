import { useEffect, useState } from 'react';
import type { NotificationSettings } from '../../../../shared/contracts/notifications.ts';
import { deliveries, digestFrequencies, notificationKinds, watchLevels } from '../../../../shared/model/catalogue.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, Loading } from '../../../components/ui/feedback.tsx';
import { ChoiceCards } from '../../../components/ui/field.tsx';
import { Card, PageHeader, Section } from '../../../components/ui/layout.tsx';
import { messageOf } from '../../../lib/api.ts';
import { usePageTitle } from '../../../lib/title.ts';
import { useNotificationSettings, useSaveNotificationSettings } from '../api/notifications.ts';

export function NotificationSettingsPage() {
  usePageTitle('Notification settings');
  const query = useNotificationSettings();
  const save = useSaveNotificationSettings();
  const [draft, setDraft] = useState<NotificationSettings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (query.data && !draft) setDraft(query.data);
  }, [query.data, draft]);

  if (query.isPending || (!draft && !query.isError)) return <Loading label="Loading your settings…" />;
  if (query.isError || !draft) return <Alert tone="error" title="We could not load your settings.">{messageOf(query.error)}</Alert>;

  const change = (next: NotificationSettings) => {
    setDraft(next);
    setSaved(false);
  };

  return (
    <form
      className="mx-auto max-w-3xl space-y-8"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(draft, { onSuccess: () => setSaved(true) });
      }}
    >
      <PageHeader title="Notification settings" lead="Choose what reaches you and how. Everything except “Off” also appears in your inbox." />

      <Section title="Digest email" id="digest">
        <Card className="p-4 sm:p-5">
          <ChoiceCards
            legend="How often should the digest come?"
            hint="A short summary of new topics, open questions you could answer and busy conversations in your communities. It is only sent when there is something to tell."
            name="digest"
            columns={3}
            choices={digestFrequencies}
            value={draft.digestFrequency}
            onChange={(v) => change({ ...draft, digestFrequency: v as NotificationSettings['digestFrequency'] })}
          />
        </Card>
      </Section>

      <Section title="Each kind of notification" id="kinds">
        <Card>
          <ul className="divide-y divide-slate-100">
            {notificationKinds.map((k) => (
              <li key={k.key} className="grid gap-2 px-4 py-3 sm:grid-cols-[minmax(0,1fr)_14rem] sm:items-center sm:px-5">
                <div>
                  <label htmlFor={`kind-${k.key}`} className="text-sm font-medium text-slate-900">
                    {k.name}
                  </label>
                  <p id={`kind-${k.key}-hint`} className="text-sm text-slate-600">
                    {k.description}
                  </p>
                </div>
                <select
                  id={`kind-${k.key}`}
                  aria-describedby={`kind-${k.key}-hint`}
                  value={draft.kinds[k.key]}
                  onChange={(e) => change({ ...draft, kinds: { ...draft.kinds, [k.key]: e.target.value as NotificationSettings['kinds'][typeof k.key] } })}
                  className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900"
                >
                  {deliveries.map((d) => (
                    <option key={d.key} value={d.key}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
          <dl className="grid gap-x-4 gap-y-1 border-t border-slate-100 px-4 py-3 text-xs text-slate-600 sm:grid-cols-2 sm:px-5">
            {deliveries.map((d) => (
              <div key={d.key}>
                <dt className="inline font-medium text-slate-800">{d.name}: </dt>
                <dd className="inline">{d.description}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </Section>

      <Section title="Watching communities and topics" id="watching">
        <Card className="p-4 text-sm text-slate-700 sm:p-5">
          <p>Each community and topic page has a Notifications menu:</p>
          <dl className="mt-3 space-y-2">
            {watchLevels.map((w) => (
              <div key={w.key}>
                <dt className="inline font-medium text-slate-900">{w.name}: </dt>
                <dd className="inline">{w.description}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </Section>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" busy={save.isPending}>
          Save settings
        </Button>
        <p aria-live="polite" className="text-sm">
          {save.isError ? <span className="text-red-700">{messageOf(save.error)}</span> : saved ? <span className="text-emerald-800">Saved. Your choices apply from now on.</span> : null}
        </p>
      </div>
    </form>
  );
}
