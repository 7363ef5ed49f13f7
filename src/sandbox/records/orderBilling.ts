/**
 * How invoicing moves a sales order's status, as NetSuite's standard order statuses read (the SalesOrd enum in
 * transactions.ts): an order billed in full is `G` Billed; one billed in part is `E` Pending Billing/Partially
 * Fulfilled (part delivered and billed, the rest still to come). Sources: netfreak.co.uk "NetSuite Sales Order
 * Status" (what each status means); Oracle's help "Use Case For Creating Invoices or Cash Sales from Your Sales Order"
 * (ns-help section_159795520083: an empty transform body bills everything open, a line's `quantity` bills part of it).
 * The sandbox has no item fulfilment, so an order counts as delivered as far as it is billed **[I]**; quantities are
 * matched per item, summed over every invoice created from the order **[I]** (NetSuite matches by order line).
 */
import type { StoredRecord } from '../model/recordTypes';
import type { StoreTransaction } from '../store/recordStore';

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Item id → quantity, over lines that count (a closed order line is not billed any more). */
function quantitiesByItem(lines: Array<Record<string, unknown>>): Map<string, number> {
  const quantities = new Map<string, number>();
  for (const line of lines) {
    const item = referenceId(line.item);
    if (item === undefined || line.isClosed === true || typeof line.quantity !== 'number') continue;
    quantities.set(item, (quantities.get(item) ?? 0) + line.quantity);
  }
  return quantities;
}

/** What is still to bill on `order` after `invoices`, per item. */
export function unbilledQuantities(order: StoredRecord, invoices: readonly StoredRecord[]): Map<string, number> {
  const ordered = quantitiesByItem(order.sublists.item ?? []);
  const billed = quantitiesByItem(invoices.flatMap((invoice) => invoice.sublists.item ?? []));
  const open = new Map<string, number>();
  for (const [item, quantity] of ordered) open.set(item, Math.max(0, quantity - (billed.get(item) ?? 0)));
  return open;
}

/**
 * The order's status after `invoices`: `G` when nothing is left to bill, `E` when part is billed; undefined when
 * nothing is billed (the order keeps its status, except that one no invoice bills any more is open again: `B`).
 */
export function billingStatus(order: StoredRecord, invoices: readonly StoredRecord[]): string | undefined {
  const current = referenceId(order.fields.status);
  if (current === 'C' || current === 'H') return undefined;
  const open = unbilledQuantities(order, invoices);
  const ordered = [...quantitiesByItem(order.sublists.item ?? []).values()].reduce((sum, quantity) => sum + quantity, 0);
  const remaining = [...open.values()].reduce((sum, quantity) => sum + quantity, 0);
  if (invoices.length > 0 && remaining <= 0) return 'G';
  if (remaining < ordered) return 'E';
  return current === 'G' || current === 'E' ? 'B' : undefined;
}

/** Recomputes the status of order `orderId` from the invoices created from it (after one is created, changed or deleted). */
export async function refreshOrderStatus(tx: StoreTransaction, orderId: string): Promise<void> {
  const order = await tx.get('salesOrder', orderId);
  if (!order) return;
  const invoices = await tx.referencingRecords('invoice', 'createdFrom', orderId);
  const status = billingStatus(order, invoices);
  if (status === undefined || status === referenceId(order.fields.status)) return;
  order.fields.status = { id: status };
  order.lastModifiedDate = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  await tx.update(order);
}

/**
 * A new invoice from `order` bills what is still open: each prefilled line's quantity is cut to what is left of its
 * item (lines with nothing left go), and its amount follows. False when nothing is left to bill.
 */
export function billOpenQuantities(invoice: StoredRecord, open: Map<string, number>): boolean {
  const left = new Map(open);
  const lines = (invoice.sublists.item ?? []).flatMap((line) => {
    const item = referenceId(line.item);
    if (item === undefined || typeof line.quantity !== 'number') return [line];
    const quantity = Math.min(line.quantity, left.get(item) ?? 0);
    if (quantity <= 0) return [];
    left.set(item, (left.get(item) ?? 0) - quantity);
    if (quantity === line.quantity) return [line];
    return [{ ...line, quantity, ...(typeof line.rate === 'number' ? { amount: round2(quantity * line.rate) } : {}) }];
  });
  invoice.sublists.item = lines;
  return lines.length > 0;
}

function referenceId(value: unknown): string | undefined {
  const id = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
