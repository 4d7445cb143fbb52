import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root, registerEnumType } from 'type-graphql';
import { isStaff } from '../auth/roles';
import { User } from '../auth/user.entity';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { parseId, parseIds } from '../graphql/ids';
import { Ticket } from '../tickets/ticket.entity';
import { attachEvidence, evidenceDueAt } from './evidence.service';
import { Upload } from './upload.entity';

/** Whose file it is, so pages can show the two sides of a dispute next to each other. */
export enum EvidenceSide {
  REPORTER = 'REPORTER',
  TUTOR = 'TUTOR',
  STAFF = 'STAFF',
}
registerEnumType(EvidenceSide, { name: 'EvidenceSide' });

@Resolver()
export class EvidenceResolver {
  @Mutation(() => Ticket, { description: 'Binds uploads (POST /uploads) to the ticket until evidenceDueAt' })
  attachEvidence(
    @Ctx() ctx: Context,
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('uploadIds', () => [ID]) uploadIds: string[],
    @Arg('comment', () => String, { nullable: true }) comment?: string,
  ) {
    const input = { ticketId: parseId(ticketId, 'ticketId'), uploadIds: parseIds(uploadIds, 'uploadIds'), comment };
    return attachEvidence(ctx.em, ctx.services.config, requireViewer(ctx), input);
  }
}

@Resolver(() => Ticket)
export class TicketEvidenceFieldsResolver {
  @FieldResolver(() => [Upload], { description: 'Evidence files, oldest first' })
  attachments(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    return ctx.loaders.attachments.load(ticket.id);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Evidence may be attached until then (null once closed)' })
  async evidenceDueAt(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    return ticket.status === 'CLOSED' ? null : evidenceDueAt(ctx.services.config, ticket, await ctx.loaders.lastEscalatedAt.load(ticket.id));
  }
}

@Resolver(() => Upload)
export class AttachmentFieldsResolver {
  @FieldResolver(() => User)
  uploadedBy(@Root() upload: Upload, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(upload.owner.id);
  }

  @FieldResolver(() => String, { description: 'Download with the same Bearer credentials' })
  url(@Root() upload: Upload) {
    return `/attachments/${upload.id}`;
  }

  @FieldResolver(() => EvidenceSide)
  async side(@Root() upload: Upload, @Ctx() ctx: Context) {
    if (upload.ticket) {
      const ticket = await ctx.loaders.visibleTicket.load(upload.ticket.id);
      if (ticket?.tutor?.id === upload.owner.id) return EvidenceSide.TUTOR;
    }
    const owner = await ctx.loaders.user.load(upload.owner.id);
    return owner && isStaff(owner.role) ? EvidenceSide.STAFF : EvidenceSide.REPORTER;
  }
}
