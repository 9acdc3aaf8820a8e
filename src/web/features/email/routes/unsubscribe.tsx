import { useEffect, useRef, useState } from 'react';
import { type UnsubscribeKind, type UnsubscribeResult, unsubscribeKinds } from '../../../../shared/contracts/email.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert, Loading } from '../../../components/ui/feedback.tsx';
import { Card } from '../../../components/ui/layout.tsx';
import { ApiError, messageOf } from '../../../lib/api.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { undoUnsubscribe, unsubscribe } from '../api/email.ts';

type State = { step: 'confirm' } | { step: 'working' } | { step: 'done'; result: UnsubscribeResult } | { step: 'undone'; result: UnsubscribeResult } | { step: 'error'; message: string };

/**
 * Where an email's unsubscribe link lands: one button turns that email off (a link scanner that
 * opens the page changes nothing), then it says what changed and offers undo. No sign-in needed.
 * Mail clients use the RFC 8058 one-click POST instead.
 */
export function UnsubscribePage({ token, kind }: { token?: string; kind?: string }) {
  usePageTitle('Unsubscribe');
  const [state, setState] = useState<State>({ step: 'confirm' });
  const [busy, setBusy] = useState(false);
  const started = useRef(false);
  const validKind = unsubscribeKinds.includes(kind as UnsubscribeKind) ? (kind as UnsubscribeKind) : null;

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!token || !validKind) {
      setState({ step: 'error', message: 'This unsubscribe link is incomplete. Copy the whole link from the email, or change your choices in notification settings.' });
    }
  }, [token, validKind]);

  function confirm() {
    if (!token || !validKind) return;
    setState({ step: 'working' });
    unsubscribe(token, validKind).then(
      (result) => setState({ step: 'done', result }),
      (err) =>
        setState({
          step: 'error',
          message: err instanceof ApiError && err.status === 404 ? 'This unsubscribe link does not work: it may be mistyped or belong to an old address.' : messageOf(err),
        }),
    );
  }

  async function undo(result: UnsubscribeResult) {
    if (!token || !validKind) return;
    setBusy(true);
    try {
      setState({ step: 'undone', result: await undoUnsubscribe(token, validKind, result.previous) });
    } catch (err) {
      setState({ step: 'error', message: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mx-auto w-full max-w-lg py-6 sm:py-10">
      <Card className="space-y-4 p-6 sm:p-8">
        <h1 tabIndex={-1} data-page-heading className="text-2xl font-bold tracking-tight text-slate-900">
          {state.step === 'undone' ? 'Subscribed again' : state.step === 'error' ? 'That did not work' : state.step === 'confirm' || state.step === 'working' ? 'Unsubscribe' : 'Unsubscribed'}
        </h1>
        <div aria-live="polite" className="space-y-4">
          {state.step === 'confirm' && (
            <>
              <p className="text-slate-800">
                Stop getting {validKind === 'digest' ? 'the digest email' : 'these notification emails'}? You do not need to sign in.
              </p>
              <Button onClick={confirm}>{validKind === 'digest' ? 'Stop the digest' : 'Stop these emails'}</Button>
            </>
          )}
          {state.step === 'working' && <Loading label="Turning it off…" />}
          {state.step === 'done' && (
            <>
              <p className="text-slate-800">
                You will no longer get <strong>{state.result.label}</strong> at {state.result.email}.
                {state.result.kind !== 'digest' && ' They still show in your inbox in the app.'}
              </p>
              <Button variant="secondary" busy={busy} onClick={() => void undo(state.result)}>
                Undo: keep getting {state.result.label}
              </Button>
            </>
          )}
          {state.step === 'undone' && (
            <p className="text-slate-800">
              Done: you will get <strong>{state.result.label}</strong> at {state.result.email} as before.
            </p>
          )}
          {state.step === 'error' && <Alert tone="error">{state.message}</Alert>}
        </div>
        <p className="text-sm text-slate-700">
          To choose exactly which emails you get,{' '}
          <AppLink href={paths.notificationSettings()} className="font-medium text-brand-700 underline underline-offset-2">
            open your notification settings
          </AppLink>{' '}
          (you will be asked to sign in).
        </p>
      </Card>
    </div>
  );
}
