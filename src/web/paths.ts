/** Every URL the web UI links to, in one place (search results use the same shapes). */
export const paths = {
  home: () => '/',
  signIn: () => '/signin',
  signUp: () => '/signup',
  newCommunity: () => '/communities/new',
  community: (slug: string) => `/c/${slug}`,
  members: (slug: string) => `/c/${slug}/members`,
  newTopic: (community?: string) => (community ? `/topics/new?community=${encodeURIComponent(community)}` : '/topics/new'),
  topic: (id: number) => `/topics/${id}`,
  post: (topicId: number, postId: number) => `/topics/${topicId}#post-${postId}`,
  search: (q: string) => `/search?q=${encodeURIComponent(q)}`,
  person: (username: string) => `/people/${username}`,
  people: () => '/people',
  whoKnows: (q?: string) => (q ? `/who-knows?q=${encodeURIComponent(q)}` : '/who-knows'),
  editProfile: () => '/me/profile',
  myCommunities: () => '/me/communities',
} as const;
