import { Injectable } from '@nestjs/common';
import { AuthorityView } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { toAuthorityView } from '../../authority.mapper';
import { ForwardingRepository } from '../../forwarding.repository';

@Injectable()
export class ListAuthoritiesUsecase {
  constructor(
    private readonly authorities: ForwardingRepository,
    private readonly transactions: Transactions,
  ) {}

  async execute(): Promise<AuthorityView[]> {
    return (await this.authorities.list(this.transactions.manager)).map(toAuthorityView);
  }
}
