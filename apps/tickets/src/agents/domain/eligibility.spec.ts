import { eligibleQueues } from './eligibility';

describe('agent eligibility', () => {
  const queues = new Map<string, string | null>([
    ['general', null],
    ['kfz', 'kfz >= 2'],
    ['english', 'lang.en'],
  ]);

  it('keeps served queues that exist and whose expression the skills satisfy', () => {
    expect(eligibleQueues(['kfz', 'general', 'english', 'gone'], { kfz: 2 }, queues)).toEqual(['general', 'kfz']);
    expect(eligibleQueues(['kfz', 'english'], { kfz: 1, 'lang.en': 3 }, queues)).toEqual(['english']);
  });

  it('serves nothing without queues', () => {
    expect(eligibleQueues([], { kfz: 5 }, queues)).toEqual([]);
  });
});
