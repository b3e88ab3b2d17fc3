import { formFields } from './form-fields';

describe('formFields', () => {
  const sut = (body: string, maxFields = 20) => formFields(new URLSearchParams(body), maxFields);

  it('reads single fields as strings, decoded', () => {
    expect(sut('event=newCall&from=%2B493811234567&to=115')).toEqual({ event: 'newCall', from: '+493811234567', to: '115' });
  });

  it('reads name[] as a list even when sent once, and a repeated name as a list', () => {
    expect(sut('user[]=Christopher+Miller&user[]=Emma+Taylor&queue=a&queue=b&userId[]=w0')).toEqual({
      user: ['Christopher Miller', 'Emma Taylor'],
      queue: ['a', 'b'],
      userId: ['w0'],
    });
  });

  it('is undefined beyond the field limit', () => {
    expect(sut('a=1&b=2&c=3', 2)).toBeUndefined();
    expect(sut('a=1&b=2', 2)).toEqual({ a: '1', b: '2' });
  });
});
