-- An event that concerns no order or deposit (a custom event put on the fulfilment bus) has no CloudEvents subject.
alter table outbox alter column subject drop not null;
