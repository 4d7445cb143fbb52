import { graphql } from './generated';

export const SignInOptionsQuery = graphql(`
  query SignInOptions { setupNeeded singleSignOn }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword) { user { id name email role locale } }
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!, $name: String) {
    acceptInvitation(token: $token, password: $password, name: $name) { user { id name email role locale } }
  }
`);

export const CreateFirstAdminMutation = graphql(`
  mutation CreateFirstAdmin($email: String!, $name: String!, $password: String!) {
    createFirstAdmin(email: $email, name: $name, password: $password) { user { id name email role locale } }
  }
`);

export const UsersQuery = graphql(`
  query Users($filter: UserFilter, $first: Int, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name email role active lastSignInAt hasPassword } }
    }
  }
`);

export const InviteUserMutation = graphql(`
  mutation InviteUser($input: InviteUserInput!) { inviteUser(input: $input) { id email expiresAt } }
`);

export const InviteNeverSignedInMutation = graphql(`
  mutation InviteNeverSignedIn { inviteNeverSignedIn }
`);

export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($id: ID!) { deactivateUser(id: $id) { id active } }
`);

export const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($id: ID!) { reactivateUser(id: $id) { id active } }
`);

export const ProfileQuery = graphql(`
  query Profile { me { id name email locale timezone } }
`);

export const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: ProfileInput!) { updateProfile(input: $input) { id name locale timezone } }
`);
