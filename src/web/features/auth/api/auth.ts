import type { SigninInput, SignupInput, Viewer } from '../../../../shared/contracts/auth.ts';
import { api } from '../../../lib/api.ts';

export const signIn = (input: SigninInput) => api<{ user: Viewer }>('POST', '/api/auth/signin', input);
export const signUp = (input: SignupInput) => api<{ user: Viewer }>('POST', '/api/auth/signup', input);
export const signOut = () => api<void>('POST', '/api/auth/signout');
