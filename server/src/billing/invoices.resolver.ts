import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { User } from '../auth/user.entity';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { parseId } from '../graphql/ids';
import { Connection } from '../graphql/pagination';
import { TutoringSession } from '../sessions/session.entity';
import { CreditNote } from './credit-note.entity';
import { Invoice, InvoiceLine } from './invoice.entity';
import { getVisibleInvoice, invoiceTotals, listInvoices } from './invoices.service';
import { Money } from './money';

const InvoiceConnection = Connection(Invoice, 'Invoice');

@Resolver(() => Invoice)
export class InvoicesResolver {
  @Query(() => InvoiceConnection)
  invoices(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listInvoices(ctx.em, requireViewer(ctx), first, after);
  }

  @Query(() => Invoice, { nullable: true })
  invoice(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return getVisibleInvoice(ctx.em, requireViewer(ctx), parseId(id, 'id'));
  }

  @FieldResolver(() => User)
  billedTo(@Root() invoice: Invoice, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(invoice.billedTo.id);
  }

  @FieldResolver(() => [InvoiceLine])
  lines(@Root() invoice: Invoice, @Ctx() ctx: Context) {
    return ctx.loaders.invoiceLines.load(invoice.id);
  }

  @FieldResolver(() => [CreditNote])
  creditNotes(@Root() invoice: Invoice, @Ctx() ctx: Context) {
    return ctx.loaders.creditNotesByInvoice.load(invoice.id);
  }

  @FieldResolver(() => Money)
  async total(@Root() invoice: Invoice, @Ctx() ctx: Context) {
    return Money.of(invoiceTotals(await ctx.loaders.invoiceLines.load(invoice.id)).billed, invoice.currency);
  }

  @FieldResolver(() => Money)
  async credited(@Root() invoice: Invoice, @Ctx() ctx: Context) {
    return Money.of(invoiceTotals(await ctx.loaders.invoiceLines.load(invoice.id)).credited, invoice.currency);
  }

  @FieldResolver(() => Money)
  async balance(@Root() invoice: Invoice, @Ctx() ctx: Context) {
    return Money.of(invoiceTotals(await ctx.loaders.invoiceLines.load(invoice.id)).balance, invoice.currency);
  }
}

@Resolver(() => InvoiceLine)
export class InvoiceLinesResolver {
  @FieldResolver(() => TutoringSession, { nullable: true })
  session(@Root() line: InvoiceLine, @Ctx() ctx: Context) {
    return line.session ? ctx.loaders.session.load(line.session.id) : null;
  }

  @FieldResolver(() => Invoice)
  invoice(@Root() line: InvoiceLine, @Ctx() ctx: Context) {
    return ctx.loaders.invoice.load(line.invoice.id);
  }
}

@Resolver(() => CreditNote)
export class CreditNotesResolver {
  @FieldResolver(() => Invoice)
  invoice(@Root() note: CreditNote, @Ctx() ctx: Context) {
    return ctx.loaders.invoice.load(note.invoice.id);
  }
}
