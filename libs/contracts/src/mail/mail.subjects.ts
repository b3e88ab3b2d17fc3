import { eventSubject, requestSubject } from '../common/subjects';

export const MailSubjects = {
  messageReceived: eventSubject('mail', 'message', 'received'),
  messageSent: eventSubject('mail', 'message', 'sent'),
  deliveryFailed: eventSubject('mail', 'delivery', 'failed'),
  quarantineList: requestSubject('mail', 'quarantine.list'),
  quarantineRetry: requestSubject('mail', 'quarantine.retry'),
  mailboxList: requestSubject('mail', 'mailbox.list'),
  attachmentGet: requestSubject('mail', 'attachment.get'),
} as const;
