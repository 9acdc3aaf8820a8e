import { useId, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/field.tsx';
import { type LinkRef, useLinkChoices } from '../api/assets.ts';

function Picker({ what, chosen, choices, onChange, error }: { what: 'topic' | 'event'; chosen: LinkRef[]; choices: LinkRef[]; onChange: (next: LinkRef[]) => void; error?: string }) {
  const [pick, setPick] = useState('');
  const left = choices.filter((c) => !chosen.some((x) => x.id === c.id));
  const label = what === 'topic' ? 'Topic' : 'Event';
  return (
    <div className="space-y-2">
      {chosen.length > 0 && (
        <ul aria-label={`Linked ${what}s`} className="space-y-1">
          {chosen.map((c) => (
            <li key={c.id} className="flex items-center justify-between gap-2 rounded-md bg-slate-50 px-2 py-1 text-sm">
              <span className="min-w-0 break-words">
                <span className="text-slate-600">{label}: </span>
                {c.title}
              </span>
              <Button type="button" size="sm" variant="ghost" onClick={() => onChange(chosen.filter((x) => x.id !== c.id))} aria-label={`Unlink ${what} ${c.title}`}>
                Unlink
              </Button>
            </li>
          ))}
        </ul>
      )}
      {left.length > 0 ? (
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1 basis-48">
            <SelectField label={label} value={pick} onChange={(e) => setPick(e.target.value)} error={error}>
              <option value="">{what === 'topic' ? 'Choose a topic…' : 'Choose an event…'}</option>
              {left.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </SelectField>
          </div>
          <Button
            type="button"
            size="sm"
            variant="secondary"
            disabled={!pick}
            onClick={() => {
              const c = left.find((x) => String(x.id) === pick);
              if (c) onChange([...chosen, c]);
              setPick('');
            }}
          >
            Link {what}
          </Button>
        </div>
      ) : (
        <>
          {chosen.length === 0 && <p className="text-sm text-slate-600">{what === 'topic' ? 'No topics in this community yet.' : 'No events in the past year.'}</p>}
          {error && <p className="text-sm text-red-700">{error}</p>}
        </>
      )}
    </div>
  );
}

/** The topics and events an asset came from: picked from the community's recent ones. */
export function LinkPicker({
  slug,
  topics,
  events,
  onTopics,
  onEvents,
  errors,
}: {
  slug: string;
  topics: LinkRef[];
  events: LinkRef[];
  onTopics: (t: LinkRef[]) => void;
  onEvents: (e: LinkRef[]) => void;
  errors: { topicIds?: string; eventIds?: string };
}) {
  const choices = useLinkChoices(slug);
  const id = useId();
  return (
    <fieldset className="min-w-0 space-y-3" aria-describedby={`${id}-hint`}>
      <legend className="text-sm font-medium text-slate-900">
        Came from <span className="font-normal text-slate-600">(optional)</span>
      </legend>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        Link the conversations and events where this was made or discussed.
      </p>
      {choices.pending ? (
        <p className="text-sm text-slate-600">Loading topics and events…</p>
      ) : (
        <>
          <Picker what="topic" chosen={topics} choices={choices.topics} onChange={onTopics} error={errors.topicIds} />
          <Picker what="event" chosen={events} choices={choices.events} onChange={onEvents} error={errors.eventIds} />
        </>
      )}
    </fieldset>
  );
}
