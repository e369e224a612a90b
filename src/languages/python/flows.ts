import type { Node, Tree } from 'web-tree-sitter';
import type { FlowStep, LlmCall, Location, Sink, UserInput } from '../../core/facts';
import { isSanitizer, sinkShapes, type SinkShape } from '../../catalog/sinks';
import { plumbingAnnotations, plumbingParameterNames, pythonHandlerDecorator, requestMembers, requestRoots, uiInputCalls, userInputNames, userInputNames as _unused } from '../../catalog/user-input';
import { enclosingFunction, type PythonContext } from './context';
import type { AnalysedCall } from './llm-calls';
import { isUnresolved, originOf } from './resolve';
import type { Scope } from './scopes';
import { callArguments, namedChildrenOf, unwrap } from './syntax';
