import { loadMailboxes } from '../../load-mailboxes';
import { MailboxDirectory } from '../../mailbox.directory';
import { ListMailboxesUsecase } from './list-mailboxes.usecase';

describe('ListMailboxesUsecase', () => {
  it('lists each mailbox with its intake, never the IMAP credentials', () => {
    const mailboxes = loadMailboxes(
      JSON.stringify([
        { address: '115@rostock.example', displayName: 'Rostock', ars: '130030000000' },
        { address: 'buerger@kreis.example', displayName: 'Kreis', imap: { host: 'imap.kreis.example', user: 'u', password: 'secret' } },
      ]),
    );
    const sut = new ListMailboxesUsecase(new MailboxDirectory(mailboxes));
    const views = sut.execute();
    expect(views.map((view) => [view.address, view.intake])).toEqual([
      ['115@rostock.example', 'smtp'],
      ['buerger@kreis.example', 'imap'],
    ]);
    expect(views[1].imap).toEqual({ host: 'imap.kreis.example', folder: 'INBOX' });
    expect(JSON.stringify(views)).not.toContain('secret');
  });
});
