import { type FormEvent, useRef, useState } from 'react';
import { MIN_PASSWORD, passwordWeakness } from '../../../../shared/contracts/auth.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert } from '../../../components/ui/feedback.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { ApiError } from '../../../lib/api.ts';
import { focusFirstInvalid, useFormErrors } from '../../../lib/forms.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { confirmPasswordReset } from '../api/password-reset.ts';
import { AuthCard } from '../components/auth-card.tsx';

const linkClass = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900';

/** Where the emailed link lands: choose a new password (which signs out everywhere). */
export function ResetPasswordPage({ token }: { token?: string }) {
  usePageTitle('Choose a new password');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [linkProblem, setLinkProblem] = useState<string | null>(token ? null : 'This page needs the link from your email. Ask for a new one below.');
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    const weak = passwordWeakness(password);
    if (weak) found.password = weak;
    else if (confirm !== password) found.confirm = 'The two passwords are not the same.';
    if (Object.keys(found).length) {
      errors.setFields(found);
      focusFirstInvalid(formRef.current);
      return;
    }
    errors.clear();
    setBusy(true);
    try {
      await confirmPasswordReset(token ?? '', password);
      setDone(true);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 410 || err.status === 404)) {
        setLinkProblem(err.status === 404 ? 'This reset link does not work. It may be mistyped; ask for a new one.' : err.detail);
      } else {
        errors.fromError(err, ['password']);
        focusFirstInvalid(formRef.current);
      }
    } finally {
      setBusy(false);
    }
  }

  const footer = (
    <AppLink href={paths.signIn()} className={linkClass}>
      Back to sign in
    </AppLink>
  );
  if (done) {
    return (
      <AuthCard title="Your password is changed" lead="You were signed out everywhere. Sign in with your new password." footer={footer}>
        <AppLink href={paths.signIn()} className="inline-flex w-full justify-center rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
          Sign in
        </AppLink>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" lead={`Use at least ${MIN_PASSWORD} characters. Choosing a new password signs you out on every device.`} footer={footer}>
      {linkProblem ? (
        <div className="space-y-4">
          <Alert tone="error" title="This link no longer works">
            {linkProblem}
          </Alert>
          <AppLink href={paths.forgotPassword()} className={linkClass}>
            Ask for a new link
          </AppLink>
        </div>
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate className="space-y-5">
          {errors.form && <Alert tone="error">{errors.form}</Alert>}
          <TextField label="New password" name="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.fields.password} />
          <TextField label="New password again" name="confirm" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} error={errors.fields.confirm} />
          <Button type="submit" busy={busy} className="w-full">
            Save the new password
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
