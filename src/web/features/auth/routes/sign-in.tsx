import { useRouter } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { signinInput } from '../../../../shared/contracts/auth.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert } from '../../../components/ui/feedback.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { focusFirstInvalid, useFormErrors, validate } from '../../../lib/forms.ts';
import { AppLink } from '../../../lib/link.tsx';
import { useSessionChanged } from '../../../lib/session.ts';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { signIn } from '../api/auth.ts';
import { AuthCard, safeNext } from '../components/auth-card.tsx';

export function SignInPage({ next }: { next?: string }) {
  usePageTitle('Sign in');
  const router = useRouter();
  const sessionChanged = useSessionChanged();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(signinInput, { login, password });
    if (checked.errors) {
      errors.setFields(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    errors.clear();
    setBusy(true);
    try {
      await signIn(checked.data);
      await sessionChanged();
      await router.navigate({ href: safeNext(next), replace: true });
    } catch (err) {
      errors.fromError(err, ['login', 'password']);
      focusFirstInvalid(formRef.current);
      setBusy(false);
    }
  }

  const signUpHref = next ? `${paths.signUp()}?next=${encodeURIComponent(next)}` : paths.signUp();
  return (
    <AuthCard
      title="Sign in"
      lead="Welcome back. Sign in with your email address or username."
      footer={
        <>
          New here?{' '}
          <AppLink href={signUpHref} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
            Create an account
          </AppLink>
        </>
      }
    >
      <form ref={formRef} onSubmit={submit} noValidate className="space-y-5">
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <TextField
          label="Email or username"
          name="login"
          autoComplete="username"
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          error={errors.fields.login}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
        />
        <p className="-mt-2 text-sm">
          <AppLink href={paths.forgotPassword()} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
            Forgot your password?
          </AppLink>
        </p>
        <Button type="submit" busy={busy} className="w-full">
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}
