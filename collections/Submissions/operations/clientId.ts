import { HttpError } from '../../../src/lib/errors'

/** A submission with this resident's `clientId` exists already: the request is a retry. */
export class ClientIdTaken extends HttpError {
  constructor(readonly existingId: number) {
    super('Already received.', 409, { existingId })
  }
}

/** The same `clientId` sent for a different task: a client bug, never a retry. */
export const clientIdOnOtherTask = () =>
  new HttpError('This clientId was already used for another task; make a new one.', 409)
