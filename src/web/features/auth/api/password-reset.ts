import { api } from '../../../lib/api.ts';

export const requestPasswordReset = (email: string) => api<{ message: string }>('POST', '/api/auth/password-reset', { email });
export const confirmPasswordReset = (token: string, password: string) => api<void>('POST', '/api/auth/password-reset/confirm', { token, password });
