import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { watchLevels } from '../../shared/model/catalogue.ts';
import { api, messageOf } from '../lib/api.ts';

type Level = (typeof watchLevels)[number]['key'];

/**
 * How closely the signed-in person follows a community or a topic: a labelled select whose
 * choice is saved at once, with the chosen level explained underneath.
 */
export function WatchControl({ url, what }: { url: string; what: 'community' | 'topic' }) {
  const id = useId();
  const qc = useQueryClient();
  const key = ['watch', url];
  const query = useQuery({ queryKey: key, queryFn: () => api<{ level: Level }>('GET', url) });
  const save = useMutation({
    mutationFn: (level: Level) => api<{ level: Level }>('PUT', url, { level }),
    onSuccess: (r) => qc.setQueryData(key, r),
  });
  const level = save.isPending && save.variables ? save.variables : (query.data?.level ?? 'normal');
  const explained = watchLevels.find((w) => w.key === level);
  const text = what === 'community' ? { watching: 'Hear about every new topic.', normal: 'Hear when someone replies to you or mentions you.', muted: 'Hear nothing from this community.' } : { watching: 'Hear about every reply.', normal: 'Hear about replies if you started it, and mentions.', muted: 'Hear nothing from this topic.' };
  return (
    <div className="text-sm">
      <label htmlFor={id} className="font-medium text-slate-800">
        Notifications
      </label>
      <select
        id={id}
        value={level}
        disabled={query.isPending}
        aria-describedby={`${id}-hint`}
        onChange={(e) => save.mutate(e.target.value as Level)}
        className="ml-2 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
      >
        {watchLevels.map((w) => (
          <option key={w.key} value={w.key}>
            {w.name}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
        {save.isError ? <span role="alert" className="text-red-700">{messageOf(save.error)}</span> : explained ? text[explained.key] : null}
      </p>
    </div>
  );
}
