import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Role } from '../auth/roles';
import { User } from '../auth/user.entity';
import { nextNumber } from '../billing/adjustments';
import { run } from '../db/raw-sql';
import type { Tx } from '../db/transaction';
import { conflict } from '../errors';
import { announce } from '../notifications/outbox';
import { TicketEventKind, TicketStatus, TicketType } from '../tickets/enums';
import { recordChange } from '../tickets/history';
import { Ticket } from '../tickets/ticket.entity';
import type { Acting, TicketService } from '../tickets/tickets.service';

/** A ticket that led to a RISK ticket about a person (the reporter or the tutor of the source). */
@Entity({ tableName: 'risk_links' })
export class RiskLink {
  @ManyToOne(() => Ticket, { primary: true, deleteRule: 'cascade' })
  riskTicket!: Ticket;

  @ManyToOne(() => Ticket, { primary: true, deleteRule: 'cascade' })
  source!: Ticket;

  /** Whom the RISK ticket is about. */
  @ManyToOne(() => User)
  subject!: User;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();
}

/**
 * A RISK ticket about the source's reporter or tutor, for staff only (the person it is about is
 * not on it): one open at a time per person, under a per-person advisory lock; a later source is
 * linked to the open one instead of opening another.
 */
export async function openRiskTicket(tx: Tx, tickets: TicketService, as: Acting, source: Ticket, about: 'REPORTER' | 'TUTOR'): Promise<Ticket> {
  const { em } = tx;
  const subjectId = about === 'TUTOR' ? source.tutor?.id : source.reporter.id;
  if (!subjectId) throw conflict('This ticket has no tutor to open a risk ticket about');
  await run(em, 'select pg_advisory_xact_lock(hashtext(?))', [`risk:${subjectId}`]);
  const [open] = await run(em, `select l.risk_ticket_id as id from risk_links l join tickets t on t.id = l.risk_ticket_id
    where l.subject_id = ? and t.status <> ? limit 1`, [subjectId, TicketStatus.CLOSED]);
  const subject = await em.findOneOrFail(User, { id: subjectId });
  const link = (riskTicket: Ticket) => em.persist(Object.assign(new RiskLink(), { riskTicket, source, subject }));
  if (open) {
    const risk = await em.findOneOrFail(Ticket, { id: open.id });
    const linked = await em.count(RiskLink, { riskTicket: risk, source });
    if (!linked) {
      link(risk);
      await tickets.within.comment(tx, as, { ticketId: risk.id, body: `${source.number} also points at ${subject.name}.`, internal: true });
    }
    return risk;
  }
  const reporter = as.viewer
    ? em.getReference(User, as.viewer.id)
    : await em.findOneOrFail(User, { role: Role.ADMIN, active: true }, { orderBy: { createdAt: 'asc' } });
  const now = new Date();
  const role = about === 'TUTOR' ? 'tutor' : 'reporter';
  const risk = em.create(Ticket, {
    number: await nextNumber(em, 'ticket_number_seq', 'T-'),
    type: TicketType.RISK,
    category: null,
    status: TicketStatus.ONGOING,
    title: `Risk: ${subject.name} (${role})`,
    description: `Opened by ${as.automation ? `the automation "${as.automation.name}"` : 'a macro'} from ${source.number}: check whether ${subject.name} needs a closer look.`,
    reporter,
    tutor: null,
    version: 0,
    createdAt: now,
    updatedAt: now,
    creditedMinor: 0,
  });
  await recordChange(tx, risk, { actor: as.viewer, automation: as.automation, action: 'REPORTED', comment: risk.description, to: TicketStatus.ONGOING, kind: TicketEventKind.CREATED });
  link(risk);
  await em.flush();
  const coordinators = await em.find(User, { role: Role.COORDINATOR, active: true });
  await announce(tx, { event: 'ticket.created', ticket: risk, title: `${risk.number}: ${risk.title}`, body: risk.description, recipients: coordinators.map((user) => ({ user, channels: ['IN_APP'] })) });
  return risk;
}
