export * from './accounts.ts';
export * from './communities.ts';
export * from './conversations.ts';
