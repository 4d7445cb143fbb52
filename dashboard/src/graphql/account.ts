import { graphql } from './generated';

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { user { id name email role } }
  }
`);

/** Ends this session's token on the server, which also clears the session cookie. */
export const LogoutMutation = graphql(`
  mutation Logout { logout }
`);

export const MeQuery = graphql(`
  query Me { me { id name email role } }
`);

export const UnreadCountQuery = graphql(`
  query UnreadNotificationCount { unreadNotificationCount }
`);

export const NotificationsQuery = graphql(`
  query Notifications($first: Int, $unreadOnly: Boolean) {
    notifications(first: $first, unreadOnly: $unreadOnly) {
      edges { node { id title body readAt createdAt ticket { id number } } }
    }
  }
`);

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded { id title body readAt createdAt ticket { id number } }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }
`);
