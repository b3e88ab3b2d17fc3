/** Codes of telephony warnings and errors (adapters log the warnings; requests answer the errors). */
export enum TelephonyWarning {
  SIGNAL_IGNORED = 'TELEPHONY.SIGNAL_IGNORED',
  AMI_GARBAGE = 'TELEPHONY.AMI_GARBAGE',
  AMI_UNKNOWN_EVENT = 'TELEPHONY.AMI_UNKNOWN_EVENT',
  AMI_LOGIN_FAILED = 'TELEPHONY.AMI_LOGIN_FAILED',
  AMI_CONNECTION_LOST = 'TELEPHONY.AMI_CONNECTION_LOST',
}
