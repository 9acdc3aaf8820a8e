import { type FormEvent, useRef, useState } from 'react';
import { passwordResetRequestInput } from '../../../../shared/contracts/email.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert } from '../../../components/ui/feedback.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { focusFirstInvalid, useFormErrors, validate } from '../../../lib/forms.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { requestPasswordReset } from '../api/password-reset.ts';
import { AuthCard } from '../components/auth-card.tsx';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  usePageTitle('Forgot your password?');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(passwordResetRequestInput, { email });
    if (checked.errors) {
      errors.setFields(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    errors.clear();
    setBusy(true);
    try {
      setSent((await requestPasswordReset(checked.data.email)).message);
    } catch (err) {
      errors.fromError(err, ['email']);
      focusFirstInvalid(formRef.current);
    } finally {
      setBusy(false);
    }
  }

  const back = (
    <AppLink href={paths.signIn()} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
      Back to sign in
    </AppLink>
  );
  return (
    <AuthCard title="Forgot your password?" lead="Enter the email address of your account and we will send you a link to choose a new password." footer={back}>
      {sent ? (
        <div role="status" className="space-y-3">
          <Alert tone="success" title="Check your email">
            {sent}
          </Alert>
          <p className="text-sm text-slate-700">Nothing after a few minutes? Check your spam folder, or try again with the address you signed up with.</p>
        </div>
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate className="space-y-5">
          {errors.form && <Alert tone="error">{errors.form}</Alert>}
          <TextField label="Email address" name="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} />
          <Button type="submit" busy={busy} className="w-full">
            Send me a link
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
