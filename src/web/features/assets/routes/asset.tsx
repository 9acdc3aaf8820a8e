import { useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { AssetDetail, AssetVersionView } from '../../../../shared/contracts/assets.ts';
import { learningActivities } from '../../../../shared/model/catalogue.ts';
import { Button, buttonClass } from '../../../components/ui/button.tsx';
import { Alert, Badge, EmptyState, Loading } from '../../../components/ui/feedback.tsx';
import { TextArea } from '../../../components/ui/field.tsx';
import { Card, PageHeader, Section } from '../../../components/ui/layout.tsx';
import { NotFound } from '../../../components/ui/not-found.tsx';
import { ApiError, messageOf } from '../../../lib/api.ts';
import { lookup } from '../../../lib/catalogue.ts';
import { formatDate, formatDateTime, plural } from '../../../lib/format.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { assetKeys, recordReuse, restoreVersion, reviewAsset, useAsset, useReuses, useVersion, useVersions } from '../api/assets.ts';
import { EditAsset } from '../components/edit-asset.tsx';
import { PdfPreview } from '../components/pdf-preview.tsx';
import { TextPreview } from '../components/text-preview.tsx';
import { FreshnessBadges } from './repository.tsx';

const sizeOf = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** What the version holds: the article, the link, or the file with a preview for images, PDFs and text. */
function Content({ v }: { v: AssetVersionView }) {
  if (v.bodyHtml !== null) {
    // biome-ignore lint/security/noDangerouslySetInnerHtml: the server renders Markdown and sanitizes the HTML
    return <div className="post-body" dangerouslySetInnerHTML={{ __html: v.bodyHtml }} />;
  }
  if (v.url) {
    return (
      <p>
        <a href={v.url} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-brand-800 underline">
          {v.url}
        </a>
      </p>
    );
  }
  if (v.file) {
    return (
      <div className="space-y-3">
        {v.file.mime.startsWith('image/') && <img src={v.file.downloadUrl} alt={`Preview of ${v.file.name}`} className="max-h-96 max-w-full rounded border border-slate-200" />}
        {v.file.mime === 'application/pdf' && <PdfPreview key={v.file.downloadUrl} url={v.file.downloadUrl} name={v.file.name} />}
        {v.file.mime.startsWith('text/') && <TextPreview url={v.file.downloadUrl} name={v.file.name} />}
        <p className="text-sm text-slate-700">
          {v.file.name} · {sizeOf(v.file.size)}
        </p>
        <div className="flex flex-wrap gap-2">
          {v.file.previewable && (
            <a href={v.file.downloadUrl} className={buttonClass('secondary')} target="_blank" rel="noopener">
              {`Open ${v.file.mime === 'application/pdf' ? 'the PDF' : 'the image'} in a new tab`}
            </a>
          )}
          <a href={v.file.downloadUrl} className={buttonClass('secondary')} download={v.file.name}>
            Download
          </a>
        </div>
      </div>
    );
  }
  return null;
}

function ReuseForm({ a }: { a: AssetDetail }) {
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState('');
  const [error, setError] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await recordReuse(a.id, note);
      setNote('');
      setMsg('Thank you: your reuse is recorded.');
      await qc.invalidateQueries({ queryKey: assetKeys.one(a.id) });
    } catch (err) {
      setError(err instanceof ApiError ? (err.fieldErrors.note ?? err.detail) : messageOf(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className="space-y-2">
      <TextArea label="How did you use it?" optional rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={error || undefined} />
      <Button type="submit" busy={busy}>
        I reused this
      </Button>
      <p aria-live="polite" className="text-sm text-emerald-800">
        {msg}
      </p>
    </form>
  );
}

function Review({ a }: { a: AssetDetail }) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  async function act(action: 'confirm' | 'retire' | 'reactivate') {
    setBusy(action);
    setError('');
    try {
      await reviewAsset(a.id, action);
      await qc.invalidateQueries({ queryKey: ['assets'] });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">
        {a.status === 'retired' ? 'Retired: kept findable, labelled as out of use.' : a.needsReview ? `Its review date (${formatDate(`${a.reviewBy}T00:00:00Z`)}) has passed.` : `Fresh until ${formatDate(`${a.reviewBy}T00:00:00Z`)}.`}
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-wrap gap-2">
        {a.status === 'active' ? (
          <>
            <Button onClick={() => void act('confirm')} busy={busy === 'confirm'}>
              Confirm it is still right
            </Button>
            <Button variant="secondary" onClick={() => void act('retire')} busy={busy === 'retire'}>
              Retire it
            </Button>
          </>
        ) : (
          <Button variant="secondary" onClick={() => void act('reactivate')} busy={busy === 'reactivate'}>
            Put it back in use
          </Button>
        )}
      </div>
    </div>
  );
}

/** Restores an earlier version (it becomes the newest); afterwards the page shows the current version. */
function useRestore(a: AssetDetail) {
  const qc = useQueryClient();
  const router = useRouter();
  const [error, setError] = useState('');
  async function restore(n: number) {
    setError('');
    try {
      await restoreVersion(a.id, n);
      await qc.invalidateQueries({ queryKey: assetKeys.one(a.id) });
      await router.navigate({ href: paths.asset(a.id) });
    } catch (err) {
      setError(messageOf(err));
    }
  }
  return { restore, error };
}

function History({ a, viewing }: { a: AssetDetail; viewing: number }) {
  const versions = useVersions(a.id);
  const { restore, error } = useRestore(a);
  if (versions.isPending) return <Loading label="Loading the history…" />;
  if (versions.isError) return <Alert tone="error">{messageOf(versions.error)}</Alert>;
  return (
    <>
      {error && <Alert tone="error">{error}</Alert>}
      <ol className="space-y-3">
        {versions.data.items.map((v) => (
          <li key={v.number} className="space-y-1.5 text-sm" aria-current={v.number === viewing ? 'true' : undefined}>
            <p className={v.number === viewing ? 'font-semibold text-slate-900' : undefined}>
              Version {v.number}
              {v.number === a.currentVersion && ' (current)'} · {v.editor?.displayName ?? 'someone who left'} · {formatDateTime(v.createdAt)}
              {v.restoredFrom && <> · restored from version {v.restoredFrom}</>}
            </p>
            {v.number !== viewing && (
              <div className="flex flex-wrap gap-2">
                <AppLink href={paths.asset(a.id, v.number === a.currentVersion ? undefined : v.number)} className={buttonClass('secondary', 'sm')}>
                  View version {v.number}
                </AppLink>
                {a.viewer.canEdit && v.number !== a.currentVersion && (
                  <Button size="sm" variant="secondary" onClick={() => void restore(v.number)}>
                    Restore version {v.number}
                  </Button>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

/** An earlier version in place of the current one: what it said, who saved it and when, and a way back. */
function EarlierVersion({ a, number, query }: { a: AssetDetail; number: number; query: UseQueryResult<AssetVersionView> }) {
  const { restore, error } = useRestore(a);
  const back = (
    <AppLink href={paths.asset(a.id)} className="font-medium underline underline-offset-2">
      Back to the current version
    </AppLink>
  );
  if (query.isPending) return <Loading label={`Loading version ${number}…`} />;
  if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Alert tone={missing ? 'info' : 'error'}>
        {missing ? `This asset has no version ${number}.` : messageOf(query.error)} {back}
      </Alert>
    );
  }
  const v = query.data;
  return (
    <div className="space-y-4">
      <Alert title={`You are reading version ${v.number} of ${a.currentVersion}`}>
        Saved by {v.editor?.displayName ?? 'someone who left'} on {formatDateTime(v.createdAt)}. {back}
      </Alert>
      {a.viewer.canEdit && (
        <Button variant="secondary" size="sm" onClick={() => void restore(v.number)}>
          Restore version {v.number}
        </Button>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {v.title !== a.title && <h2 className="text-lg font-semibold text-slate-900">{v.title}</h2>}
      {v.summary && v.summary !== a.summary && <p className="text-slate-700">{v.summary}</p>}
      <Content v={v} />
    </div>
  );
}

/** One asset: its content, stewardship and freshness, reuse notes and history. */
export function AssetPage({ id, version }: { id: number; version?: number }) {
  const query = useAsset(id);
  const reuses = useReuses(id);
  const earlier = useVersion(id, version ?? 0);
  const [editing, setEditing] = useState(false);
  const a = query.data;
  usePageTitle(a ? a.title : query.isError ? 'Not found' : null);
  if (query.isPending) return <Loading label="Loading…" />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFound what="asset" />;
    return <Alert tone="error">{messageOf(query.error)}</Alert>;
  }
  if (!a) return null;
  // The version shown: the one asked for, or the current one.
  const viewing = version ?? a.currentVersion;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <AppLink href={paths.repository(a.community.slug)} className="text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline">
            {a.community.name} · Repository
          </AppLink>
        }
        title={a.title}
        lead={a.summary || undefined}
      />
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        <FreshnessBadges a={a} />
        {a.activityType && <Badge>{lookup(learningActivities, a.activityType).name}</Badge>}
        {a.tags.map((t) => (
          <Badge key={t}>#{t}</Badge>
        ))}
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          <Card className="p-4">
            {viewing !== a.currentVersion ? (
              <EarlierVersion a={a} number={viewing} query={earlier} />
            ) : editing ? (
              <EditAsset a={a} onDone={() => setEditing(false)} />
            ) : (
              <>
                <Content v={a.version} />
                {a.viewer.canEdit && (
                  <Button variant="secondary" size="sm" className="mt-4" onClick={() => setEditing(true)}>
                    Edit
                  </Button>
                )}
              </>
            )}
          </Card>
          <Section title={`Reuse (${plural(a.reuseCount, 'time')})`}>
            {a.viewer.canReuse && <ReuseForm a={a} />}
            {reuses.data && reuses.data.items.length > 0 ? (
              <ul className="mt-4 space-y-2 text-sm">
                {reuses.data.items.map((r) => (
                  <li key={r.id}>
                    <strong>{r.person?.displayName ?? 'Someone who left'}</strong> · {formatDate(r.createdAt)}
                    {r.note && <>: {r.note}</>}
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState title="Nobody has recorded a reuse yet" className="mt-4" />
            )}
          </Section>
        </div>
        <div className="space-y-6">
          <Section title="Stewardship">
            <p className="text-sm text-slate-700">Steward: {a.steward?.displayName ?? 'nobody yet'}</p>
            {a.viewer.canReview ? (
              <div className="mt-3">
                <Review a={a} />
              </div>
            ) : (
              <p className="mt-1 text-sm text-slate-700">Review by {formatDate(`${a.reviewBy}T00:00:00Z`)}</p>
            )}
          </Section>
          <Section title="History">
            <History a={a} viewing={viewing} />
          </Section>
          {(a.topics.length > 0 || a.events.length > 0) && (
            <Section title="Came from">
              <ul className="space-y-1 text-sm">
                {a.topics.map((t) => (
                  <li key={`t${t.id}`}>
                    <span className="text-slate-600">Topic: </span>
                    <AppLink href={paths.topic(t.id)} className="underline">
                      {t.title}
                    </AppLink>
                  </li>
                ))}
                {a.events.map((e) => (
                  <li key={`e${e.id}`}>
                    <span className="text-slate-600">Event: </span>
                    <AppLink href={paths.event(e.id)} className="underline">
                      {e.title}
                    </AppLink>
                  </li>
                ))}
              </ul>
            </Section>
          )}
        </div>
      </div>
    </div>
  );
}
