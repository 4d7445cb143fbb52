import {
  AssignmentPolicyFieldsResolver, AutomationActionFieldsResolver, AutomationRunFieldsResolver, AutomationsResolver, TicketAutomationFieldsResolver,
} from './automations.resolver';
import { MacrosResolver } from './macros.resolver';

/** The automations' resolvers (registered in graphql/schema.ts). */
export const automationResolvers = [AutomationsResolver, AssignmentPolicyFieldsResolver, AutomationActionFieldsResolver,
  AutomationRunFieldsResolver, TicketAutomationFieldsResolver, MacrosResolver] as const;
