import { useRouter } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { MIN_PASSWORD, passwordWeakness, signupInput } from '../../../../shared/contracts/auth.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Alert } from '../../../components/ui/feedback.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { type FieldErrors, focusFirstInvalid, useFormErrors, validate } from '../../../lib/forms.ts';
import { AppLink } from '../../../lib/link.tsx';
import { useSessionChanged } from '../../../lib/session.ts';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { signUp } from '../api/auth.ts';
import { AuthCard, safeNext } from '../components/auth-card.tsx';

const FIELDS = ['displayName', 'username', 'email', 'password'];

/** `email` prefills the address, e.g. from an invitation email's link. */
export function SignUpPage({ next, email }: { next?: string; email?: string }) {
  usePageTitle('Create an account');
  const router = useRouter();
  const sessionChanged = useSessionChanged();
  const [values, setValues] = useState({ displayName: '', username: '', email: email ?? '', password: '' });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(signupInput, values);
    const found: FieldErrors = { ...(checked.errors ?? {}) };
    const weak = passwordWeakness(values.password, [values.username, values.displayName, values.email.split('@')[0]]);
    if (weak && !found.password) found.password = weak;
    if (Object.keys(found).length > 0 || !checked.data) {
      errors.setFields(found);
      focusFirstInvalid(formRef.current);
      return;
    }
    errors.clear();
    setBusy(true);
    try {
      await signUp(checked.data);
      await sessionChanged();
      await router.navigate({ href: safeNext(next), replace: true });
    } catch (err) {
      errors.fromError(err, FIELDS);
      focusFirstInvalid(formRef.current);
      setBusy(false);
    }
  }

  const signInHref = next ? `${paths.signIn()}?next=${encodeURIComponent(next)}` : paths.signIn();
  return (
    <AuthCard
      title="Create your account"
      lead="Join the communities where people who do the same work ask, answer and learn together."
      footer={
        <>
          Already have an account?{' '}
          <AppLink href={signInHref} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
            Sign in
          </AppLink>
        </>
      }
    >
      <form ref={formRef} onSubmit={submit} noValidate className="space-y-5">
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <TextField
          label="Your name"
          name="displayName"
          autoComplete="name"
          hint="How other members will see you."
          value={values.displayName}
          onChange={set('displayName')}
          error={errors.fields.displayName}
        />
        <TextField
          label="Username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          hint="Used in your profile address and for @mentions. Letters, digits, _ and -."
          value={values.username}
          onChange={set('username')}
          error={errors.fields.username}
        />
        <TextField
          label="Email address"
          name="email"
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={set('email')}
          error={errors.fields.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD} characters. A few unrelated words make a strong one.`}
          value={values.password}
          onChange={set('password')}
          error={errors.fields.password}
        />
        <Button type="submit" busy={busy} className="w-full">
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
