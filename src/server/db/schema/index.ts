export * from './accounts.ts';
export * from './communities.ts';
export * from './conversations.ts';
export * from './email.ts';
export * from './notifications.ts';
export * from './people.ts';
export * from './cultivation.ts';
export * from './events.ts';
