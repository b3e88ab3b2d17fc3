import { classify } from './smtp-relay';

describe('classify relay errors', () => {
  it('treats 5xx as permanent with the enhanced status', () => {
    const sut = classify(Object.assign(new Error('Message failed'), { responseCode: 550, response: '550 5.1.1 <x@example.org>: unknown user' }));
    expect(sut).toMatchObject({ temporary: false, status: '5.1.1' });
  });

  it('treats 4xx, network and authentication errors as temporary', () => {
    expect(classify(Object.assign(new Error('try later'), { responseCode: 451, response: '451 4.3.0 try later' })).temporary).toBe(true);
    expect(classify(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' })).temporary).toBe(true);
    expect(classify(Object.assign(new Error('Invalid login'), { code: 'EAUTH', responseCode: 535 })).temporary).toBe(true);
  });
});
