import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { MemberSummary } from '../../../../shared/contracts/communities.ts';
import { Alert } from '../../../components/ui/feedback.tsx';
import { messageOf } from '../../../lib/api.ts';
import { roles } from '../../../lib/catalogue.ts';
import { communityKeys, setRole } from '../api/communities.ts';

const groups = [
  { key: 'community', name: 'Community roles' },
  { key: 'member', name: 'Member roles' },
  { key: 'organization', name: 'Organization' },
] as const;

/** Checkboxes for every role in the catalogue; each change is saved at once. */
export function RoleEditor({ slug, member }: { slug: string; member: MemberSummary }) {
  const qc = useQueryClient();
  const id = useId();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  async function toggle(role: string, name: string, on: boolean) {
    setPending(role);
    setError(null);
    try {
      await setRole(slug, member.username, role, on);
      setStatus(on ? `${member.displayName} is now ${name.toLowerCase()}.` : `${member.displayName} is no longer ${name.toLowerCase()}.`);
      await qc.invalidateQueries({ queryKey: communityKeys.members(slug) });
      await qc.invalidateQueries({ queryKey: communityKeys.detail(slug) });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setPending(null);
    }
  }

  return (
    <details className="group mt-3 rounded-lg border border-slate-200 bg-slate-50 open:bg-white">
      <summary className="cursor-pointer list-none rounded-lg px-3 py-2 text-sm font-medium text-brand-700 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="mr-1 inline-block transition-transform group-open:rotate-90">
          ›
        </span>
        Change roles<span className="sr-only"> for {member.displayName}</span>
      </summary>
      <div className="space-y-4 px-3 pb-3">
        {groups.map((g) => (
          <fieldset key={g.key}>
            <legend className="text-xs font-semibold uppercase tracking-wide text-slate-600">{g.name}</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {roles
                .filter((r) => r.group === g.key)
                .map((r) => {
                  const checked = member.roles.includes(r.key);
                  const inputId = `${id}-${r.key}`;
                  return (
                    <div key={r.key} className="flex gap-2">
                      <input
                        id={inputId}
                        type="checkbox"
                        className="mt-0.5 size-4 shrink-0 accent-brand-700"
                        checked={checked}
                        disabled={pending !== null}
                        aria-describedby={`${inputId}-d`}
                        onChange={(e) => void toggle(r.key, r.name, e.target.checked)}
                      />
                      <div className="text-sm">
                        <label htmlFor={inputId} className="font-medium text-slate-900">
                          {r.name}
                        </label>
                        <p id={`${inputId}-d`} className="text-slate-600">
                          {r.description}
                        </p>
                      </div>
                    </div>
                  );
                })}
            </div>
          </fieldset>
        ))}
        <p aria-live="polite" className="text-sm text-emerald-800">
          {status}
        </p>
        {error && <Alert tone="error">{error}</Alert>}
      </div>
    </details>
  );
}
