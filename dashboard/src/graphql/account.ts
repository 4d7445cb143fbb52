import { graphql } from './generated';

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { token user { id name email role locale } }
  }
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
