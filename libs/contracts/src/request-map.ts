import { PingReply, PingRequest } from './common/ping';
import { PingSubject } from './common/subjects';
import { KnowledgeSubjects } from './knowledge/knowledge.subjects';
import { ImportUploadedCatalogueRequest } from './knowledge/catalogue-import.request';
import type { ImportReport } from './knowledge/catalogue-imported.event';
import { FindResponsibleAuthorityReply, FindResponsibleAuthorityRequest } from './knowledge/responsible-authority.request';
import { GetServiceReply, GetServiceRequest } from './knowledge/service.requests';
import { AppointmentSubjects } from './appointments/appointments.subjects';
import {
  AppointmentFiguresReply,
  AppointmentFiguresRequest,
  AppointmentView,
  AvailabilityReply,
  CancelAppointmentRequest,
  ConfirmAppointmentRequest,
  GetAppointmentRequest,
  GetAvailabilityRequest,
  PreconfirmAppointmentRequest,
  RebookAppointmentRequest,
  RecordNoShowRequest,
  ReservationReply,
  ReserveAppointmentRequest,
  UpdateAppointmentRequest,
} from './appointments/booking.requests';
import {
  GetOfficeRequest,
  ImportOfficesReply,
  ImportOfficesRequest,
  ListOfficesRequest,
  OfficeView,
  UpsertOfficeRequest,
} from './appointments/office.requests';
import {
  DeleteSynonymReply,
  DeleteSynonymRequest,
  ListSynonymsReply,
  ListSynonymsRequest,
  SearchFeedbackReply,
  SearchFeedbackRequest,
  SearchReply,
  SearchRequest,
  SynonymView,
  UnansweredSearchesReply,
  UnansweredSearchesRequest,
  UpsertSynonymRequest,
} from './knowledge/search.requests';
import { MailSubjects } from './mail/mail.subjects';
import { ListMailboxesRequest, MailboxView } from './mail/mailbox.request';
import { AttachmentChunkReply, GetAttachmentRequest } from './mail/attachment.request';
import { QuarantineListReply, QuarantineListRequest, QuarantineRetryReply, QuarantineRetryRequest } from './mail/quarantine.request';
import {
  AcceptReservationRequest,
  AgentView,
  GetAgentRequest,
  ListAgentsRequest,
  ListReservationsRequest,
  RejectReservationRequest,
  ReservationView,
  SetPresenceRequest,
  TakeNextReply,
  TakeNextRequest,
  UpsertAgentRequest,
} from './tickets/agent.requests';
import {
  AuthorityView,
  DeleteRoutingRuleReply,
  DeleteRoutingRuleRequest,
  ListRequest,
  QueueView,
  RoutingRuleView,
  SlaPolicyView,
  UpsertAuthorityRequest,
  UpsertQueueRequest,
  UpsertRoutingRuleRequest,
  UpsertSlaPolicyRequest,
} from './tickets/configuration.requests';
import { BacklogReply, CurrentFiguresRequest, HandlingTimesReply, OccupancyReply, PeriodFiguresRequest, SlaFiguresReply } from './tickets/figures.requests';
import { FindCasesByPhoneReply, FindCasesByPhoneRequest } from './tickets/phone-match.requests';
import { AnonymizeReply, AnonymizeRequest } from './tickets/privacy.requests';
import {
  AddNoteRequest,
  CreateTicketRequest,
  ForwardTicketRequest,
  GetTicketRequest,
  ReplyToTicketRequest,
  SearchTicketsRequest,
  TransitionTicketRequest,
  UpdateTicketRequest,
} from './tickets/ticket.requests';
import { TicketSubjects } from './tickets/tickets.subjects';
import { GetTicketStatusRequest, IssuedStatusKey, IssueStatusKeyRequest, TicketStatusView } from './tickets/ticket-status.requests';
import { GetServiceLevelReply, GetServiceLevelRequest, ListCallsReply, ListCallsRequest } from './telephony/service-level.requests';
import { TelephonySubjects } from './telephony/telephony.subjects';
import { WrapUpCallReply, WrapUpCallRequest } from './telephony/wrap-up.request';
import { AuditEntryView, SearchTicketsReply, TicketDetailView, TicketView } from './tickets/ticket.views';

/** What one request/reply subject takes and answers. */
export interface RequestContract<TRequest, TReply> {
  request: TRequest;
  reply: TReply;
}

/**
 * Every request/reply subject with its request class and its reply type. `RequestClient`
 * takes the subject and infers both from here; a handler's `@MessagePattern(subject)`
 * answers `ReplyOf<subject>`.
 */
export type RequestMap = {
  [TicketSubjects.create]: RequestContract<CreateTicketRequest, TicketView>;
  [TicketSubjects.get]: RequestContract<GetTicketRequest, TicketDetailView>;
  [TicketSubjects.history]: RequestContract<GetTicketRequest, AuditEntryView[]>;
  [TicketSubjects.search]: RequestContract<SearchTicketsRequest, SearchTicketsReply>;
  [TicketSubjects.update]: RequestContract<UpdateTicketRequest, TicketView>;
  [TicketSubjects.addNote]: RequestContract<AddNoteRequest, TicketView>;
  [TicketSubjects.reply]: RequestContract<ReplyToTicketRequest, TicketView>;
  [TicketSubjects.transition]: RequestContract<TransitionTicketRequest, TicketView>;
  [TicketSubjects.forward]: RequestContract<ForwardTicketRequest, TicketView>;

  [TicketSubjects.agentUpsert]: RequestContract<UpsertAgentRequest, AgentView>;
  [TicketSubjects.agentGet]: RequestContract<GetAgentRequest, AgentView>;
  [TicketSubjects.agentList]: RequestContract<ListAgentsRequest, AgentView[]>;
  [TicketSubjects.agentPresence]: RequestContract<SetPresenceRequest, AgentView>;
  [TicketSubjects.takeNext]: RequestContract<TakeNextRequest, TakeNextReply>;
  [TicketSubjects.reservationAccept]: RequestContract<AcceptReservationRequest, TicketView>;
  [TicketSubjects.reservationReject]: RequestContract<RejectReservationRequest, ReservationView>;
  [TicketSubjects.reservationList]: RequestContract<ListReservationsRequest, ReservationView[]>;

  [TicketSubjects.queueUpsert]: RequestContract<UpsertQueueRequest, QueueView>;
  [TicketSubjects.queueList]: RequestContract<ListRequest, QueueView[]>;
  [TicketSubjects.ruleUpsert]: RequestContract<UpsertRoutingRuleRequest, RoutingRuleView>;
  [TicketSubjects.ruleDelete]: RequestContract<DeleteRoutingRuleRequest, DeleteRoutingRuleReply>;
  [TicketSubjects.ruleList]: RequestContract<ListRequest, RoutingRuleView[]>;
  [TicketSubjects.authorityUpsert]: RequestContract<UpsertAuthorityRequest, AuthorityView>;
  [TicketSubjects.authorityList]: RequestContract<ListRequest, AuthorityView[]>;
  [TicketSubjects.slaPolicyUpsert]: RequestContract<UpsertSlaPolicyRequest, SlaPolicyView>;
  [TicketSubjects.slaPolicyList]: RequestContract<ListRequest, SlaPolicyView[]>;

  [TicketSubjects.figuresBacklog]: RequestContract<CurrentFiguresRequest, BacklogReply>;
  [TicketSubjects.figuresSla]: RequestContract<PeriodFiguresRequest, SlaFiguresReply>;
  [TicketSubjects.figuresHandlingTimes]: RequestContract<PeriodFiguresRequest, HandlingTimesReply>;
  [TicketSubjects.figuresOccupancy]: RequestContract<CurrentFiguresRequest, OccupancyReply>;
  [TicketSubjects.anonymize]: RequestContract<AnonymizeRequest, AnonymizeReply>;
  [TicketSubjects.status]: RequestContract<GetTicketStatusRequest, TicketStatusView>;
  [TicketSubjects.issueStatusKey]: RequestContract<IssueStatusKeyRequest, IssuedStatusKey>;
  [TicketSubjects.casesByPhone]: RequestContract<FindCasesByPhoneRequest, FindCasesByPhoneReply>;

  [MailSubjects.quarantineList]: RequestContract<QuarantineListRequest, QuarantineListReply>;
  [MailSubjects.quarantineRetry]: RequestContract<QuarantineRetryRequest, QuarantineRetryReply>;
  [MailSubjects.mailboxList]: RequestContract<ListMailboxesRequest, MailboxView[]>;
  [MailSubjects.attachmentGet]: RequestContract<GetAttachmentRequest, AttachmentChunkReply>;

  [KnowledgeSubjects.findResponsibleAuthority]: RequestContract<FindResponsibleAuthorityRequest, FindResponsibleAuthorityReply>;
  [KnowledgeSubjects.getService]: RequestContract<GetServiceRequest, GetServiceReply>;

  [TelephonySubjects.wrapUp]: RequestContract<WrapUpCallRequest, WrapUpCallReply>;
  [TelephonySubjects.serviceLevelGet]: RequestContract<GetServiceLevelRequest, GetServiceLevelReply>;
  [TelephonySubjects.callsList]: RequestContract<ListCallsRequest, ListCallsReply>;

  [AppointmentSubjects.officeUpsert]: RequestContract<UpsertOfficeRequest, OfficeView>;
  [AppointmentSubjects.officeGet]: RequestContract<GetOfficeRequest, OfficeView>;
  [AppointmentSubjects.officeList]: RequestContract<ListOfficesRequest, OfficeView[]>;
  [AppointmentSubjects.officeImport]: RequestContract<ImportOfficesRequest, ImportOfficesReply>;
  [AppointmentSubjects.availability]: RequestContract<GetAvailabilityRequest, AvailabilityReply>;
  [AppointmentSubjects.reserve]: RequestContract<ReserveAppointmentRequest, ReservationReply>;
  [AppointmentSubjects.update]: RequestContract<UpdateAppointmentRequest, AppointmentView>;
  [AppointmentSubjects.preconfirm]: RequestContract<PreconfirmAppointmentRequest, AppointmentView>;
  [AppointmentSubjects.confirm]: RequestContract<ConfirmAppointmentRequest, AppointmentView>;
  [AppointmentSubjects.cancel]: RequestContract<CancelAppointmentRequest, AppointmentView>;
  [AppointmentSubjects.rebook]: RequestContract<RebookAppointmentRequest, AppointmentView>;
  [AppointmentSubjects.get]: RequestContract<GetAppointmentRequest, AppointmentView>;
  [AppointmentSubjects.noShow]: RequestContract<RecordNoShowRequest, AppointmentView>;
  [AppointmentSubjects.figures]: RequestContract<AppointmentFiguresRequest, AppointmentFiguresReply>;
  [KnowledgeSubjects.search]: RequestContract<SearchRequest, SearchReply>;
  [KnowledgeSubjects.searchFeedback]: RequestContract<SearchFeedbackRequest, SearchFeedbackReply>;
  [KnowledgeSubjects.searchUnanswered]: RequestContract<UnansweredSearchesRequest, UnansweredSearchesReply>;
  [KnowledgeSubjects.listSynonyms]: RequestContract<ListSynonymsRequest, ListSynonymsReply>;
  [KnowledgeSubjects.upsertSynonym]: RequestContract<UpsertSynonymRequest, SynonymView>;
  [KnowledgeSubjects.deleteSynonym]: RequestContract<DeleteSynonymRequest, DeleteSynonymReply>;
  [KnowledgeSubjects.importCatalogue]: RequestContract<ImportUploadedCatalogueRequest, ImportReport>;
} & { [S in PingSubject]: RequestContract<PingRequest, PingReply> };

/** A subject somebody answers with a request/reply contract. */
export type RequestSubject = keyof RequestMap;
export type RequestOf<S extends RequestSubject> = RequestMap[S]['request'];
export type ReplyOf<S extends RequestSubject> = RequestMap[S]['reply'];

// Every request subject a service declares has a contract here; otherwise this does not compile.
type Declared =
  | (typeof TicketSubjects)[keyof typeof TicketSubjects]
  | typeof MailSubjects.quarantineList
  | typeof MailSubjects.quarantineRetry
  | typeof MailSubjects.mailboxList
  | typeof MailSubjects.attachmentGet
  | (typeof KnowledgeSubjects)[keyof typeof KnowledgeSubjects]
  | (typeof AppointmentSubjects)[keyof typeof AppointmentSubjects]
  | (typeof TelephonySubjects)[keyof typeof TelephonySubjects];
type Uncovered = Exclude<Declared, RequestSubject>;
export const EVERY_REQUEST_SUBJECT_HAS_A_CONTRACT: [Uncovered] extends [never] ? true : Uncovered = true;
