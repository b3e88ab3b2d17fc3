export * from './mail.subjects';
export * from './mail-address.dto';
export * from './message-received.event';
export * from './message-sent.event';
export * from './quarantine.request';
export * from './mailbox.request';
export * from './attachment.request';
