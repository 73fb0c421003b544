/**
 * The store's redelivery keys (BotStore.firstDelivery), shared by every replica on one database:
 * an event a platform delivers again, to this replica or another, is handled once.
 */
export interface DeliveryKeys {
  /** True the first time a key is offered within its time to live; false for a repeat. */
  firstDelivery(key: string): Promise<boolean>;
}
